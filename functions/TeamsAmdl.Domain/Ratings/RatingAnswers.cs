namespace TeamsAmdl.Domain.Ratings;

/// <summary>An assessor's answer to one question: a value on the scale and an optional comment.</summary>
public sealed record RatingAnswer(string QuestionId, int Value, string? Comment = null);

/// <summary>An answer as it arrived from a card: raw strings, not yet checked.</summary>
public sealed record RawAnswer(string QuestionId, string? Value, string? Comment);

/// <summary>A problem with the input of one question or field; the message is German and names the question.</summary>
public sealed record InputProblem(string Field, string Message);

/// <summary>
/// Checks the answers of one page (R-RATE-2/3): every question of the page answered with a whole number on the scale,
/// comments at most <see cref="RatingLimits.MaxTextLength"/> characters and free of personal data (R-SEC-1). Either all
/// answers of the page are valid or nothing is taken over.
/// </summary>
public static class RatingAnswers
{
    public static (IReadOnlyList<RatingAnswer> Answers, IReadOnlyList<InputProblem> Problems) ValidatePage(
        QuestionnaireTemplate template, QuestionPage page, IReadOnlyDictionary<string, RawAnswer> raw, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(raw);
        var answers = new List<RatingAnswer>();
        var problems = new List<InputProblem>();
        var scale = template.Scale;
        foreach (var q in page.Questions)
        {
            var n = template.NumberOf(q.Id);
            raw.TryGetValue(q.Id, out var given);
            var comment = string.IsNullOrWhiteSpace(given?.Comment) ? null : given!.Comment!.Trim();
            if (comment is { Length: > RatingLimits.MaxTextLength })
                problems.Add(new InputProblem("c_" + q.Id,
                    RatingLimits.TooLong($"Frage {n}: Die Anmerkung", comment.Length)));
            else if (PersonalDataGuard.Refusal($"Anmerkung zu Frage {n}", comment, today) is { } personal)
                problems.Add(new InputProblem("c_" + q.Id, personal));
            var text = given?.Value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                problems.Add(new InputProblem("q_" + q.Id, $"Frage {n} ist nicht beantwortet."));
                continue;
            }
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || !scale.Contains(value))
            {
                problems.Add(new InputProblem("q_" + q.Id,
                    $"Frage {n}: „{Shorten(text)}“ liegt nicht auf der Skala; erlaubt sind ganze Zahlen von {scale.Min} bis {scale.Max}."));
                continue;
            }
            answers.Add(new RatingAnswer(q.Id, value, comment));
        }
        return problems.Count == 0 ? (answers, problems) : ([], problems);
    }

    /// <summary>Questions of the template without a stored answer (in card order).</summary>
    public static IReadOnlyList<RatingQuestion> Missing(QuestionnaireTemplate template, IEnumerable<RatingAnswer> answers)
    {
        var answered = answers.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        return template.In(RatingSection.HardFacts).Concat(template.In(RatingSection.SoftFacts))
            .Where(q => !answered.Contains(q.Id)).ToList();
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";
}

/// <summary>Limits of free text (comments, Begründung, Handlungsempfehlung).</summary>
public static class RatingLimits
{
    public const int MaxTextLength = 2000;

    /// <summary>"{what} ist 2.345 Zeichen lang; erlaubt sind höchstens 2.000."</summary>
    public static string TooLong(string what, int length) =>
        $"{what} ist {Thousands(length)} Zeichen lang; erlaubt sind höchstens {Thousands(MaxTextLength)}.";

    private static string Thousands(int n) => n.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.');
}
