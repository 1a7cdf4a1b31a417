using System.Text.RegularExpressions;

namespace TeamsAmdl.Domain.Ratings;

/// <summary>The two parts of a questionnaire (R-RATE-2).</summary>
public enum RatingSection
{
    HardFacts,
    SoftFacts,
}

public static class RatingSections
{
    public static string DisplayName(this RatingSection section) => section switch
    {
        RatingSection.HardFacts => "Hard Facts",
        RatingSection.SoftFacts => "Soft Facts",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}

/// <summary>One question: rated on the template's scale, with an optional comment by the assessor.</summary>
/// <param name="Id">Stable within the template (e.g. "h1", "s4"); answers and justifications refer to it.</param>
/// <param name="Hint">Optional explanation shown under the question.</param>
public sealed record RatingQuestion(string Id, RatingSection Section, string Text, string? Hint = null);

/// <summary>
/// A questionnaire template (R-RATE-2) in one version. Templates are data: a changed questionnaire is a new
/// version, and a running request keeps the version it started with. Questions keep their order; the Hard Facts
/// come first on the cards whatever the order here.
/// </summary>
public sealed partial record QuestionnaireTemplate(string Id, int Version, string Title, RatingScale Scale,
    IReadOnlyList<RatingQuestion> Questions)
{
    public const int MaxQuestions = 60;
    public const int MaxQuestionLength = 500;
    public const int MaxTitleLength = 200;

    public IEnumerable<RatingQuestion> In(RatingSection section) => Questions.Where(q => q.Section == section);

    public RatingQuestion? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);

    /// <summary>Position of the question for people: 1-based, Hard Facts first ("Frage 3").</summary>
    public int NumberOf(string questionId)
    {
        var ordered = In(RatingSection.HardFacts).Concat(In(RatingSection.SoftFacts)).ToList();
        var i = ordered.FindIndex(q => q.Id == questionId);
        return i < 0 ? throw new ArgumentException($"Unknown question {questionId}.", nameof(questionId)) : i + 1;
    }

    /// <summary>Validates a template at the domain boundary; messages are German.</summary>
    public static QuestionnaireTemplate Create(string id, int version, string title, RatingScale scale, IEnumerable<RatingQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(questions);
        if (string.IsNullOrWhiteSpace(id) || !TemplateId().IsMatch(id))
            throw new DomainValidationException(nameof(Id),
                "Die Kennung des Fragebogens fehlt oder ist ungültig (Kleinbuchstaben, Ziffern und Bindestriche, höchstens 40 Zeichen).");
        if (version < 1)
            throw new DomainValidationException(nameof(Version), "Die Version eines Fragebogens beginnt bei 1.");
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
            throw new DomainValidationException(nameof(Title), $"Der Titel des Fragebogens fehlt oder ist länger als {MaxTitleLength} Zeichen.");

        var list = new List<RatingQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            var n = list.Count + 1;
            if (q is null || string.IsNullOrWhiteSpace(q.Id) || !QuestionId().IsMatch(q.Id))
                throw new DomainValidationException(nameof(Questions),
                    $"Frage {n}: Die Kennung fehlt oder ist ungültig (Buchstaben, Ziffern, Bindestrich, höchstens 20 Zeichen).");
            if (!ids.Add(q.Id))
                throw new DomainValidationException(nameof(Questions), $"Frage {n}: Die Kennung „{q.Id}“ kommt doppelt vor.");
            if (!Enum.IsDefined(q.Section))
                throw new DomainValidationException(nameof(Questions), $"Frage {n}: Unbekannter Teil (Hard Facts oder Soft Facts).");
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Trim().Length > MaxQuestionLength)
                throw new DomainValidationException(nameof(Questions), $"Frage {n}: Der Text fehlt oder ist länger als {MaxQuestionLength} Zeichen.");
            if (q.Hint is { Length: > MaxQuestionLength })
                throw new DomainValidationException(nameof(Questions), $"Frage {n}: Der Hinweis ist länger als {MaxQuestionLength} Zeichen.");
            list.Add(q with { Text = q.Text.Trim(), Hint = string.IsNullOrWhiteSpace(q.Hint) ? null : q.Hint.Trim() });
        }
        if (list.Count > MaxQuestions)
            throw new DomainValidationException(nameof(Questions), $"Ein Fragebogen hat höchstens {MaxQuestions} Fragen.");
        if (!list.Any(q => q.Section == RatingSection.HardFacts) || !list.Any(q => q.Section == RatingSection.SoftFacts))
            throw new DomainValidationException(nameof(Questions), "Ein Fragebogen braucht mindestens eine Frage zu den Hard Facts und eine zu den Soft Facts.");
        return new QuestionnaireTemplate(id, version, title.Trim(), scale, list);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TemplateId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")]
    private static partial Regex QuestionId();
}
