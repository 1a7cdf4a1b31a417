using System.Globalization;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>A coordinator's new rating request (API body).</summary>
/// <param name="TemplateId">Default: the shipped questionnaire; the latest version is used.</param>
/// <param name="Kind">WaehrendDerMassnahme, NachMassnahmeende or Anlassbezogen (default WaehrendDerMassnahme).</param>
public sealed record NewRatingRequest(string? MeasureNumber, string? TemplateId, string? Kind, IReadOnlyList<string>? AssessorIds, string? Note);

/// <summary>Someone who can be asked to rate (tab: the assessor choice).</summary>
public sealed record AssessorView(string Id, string Name);

/// <summary>Answer of "jetzt erinnern": who was reminded and when the cards arrive.</summary>
public sealed record RemindResult(string RatingId, IReadOnlyList<string> Reminded, Delivery.DeliveryTime Delivery);

/// <summary>A template as JSON (storage and API).</summary>
public sealed record TemplateDto(
    string? Id,
    int Version,
    string? Title,
    ScaleDto? Scale,
    IReadOnlyList<QuestionDto>? Questions,
    string? CreatedBy = null,
    DateTimeOffset? CreatedAt = null)
{
    public static TemplateDto From(QuestionnaireTemplate t, string? createdBy = null, DateTimeOffset? createdAt = null) => new(
        t.Id, t.Version, t.Title,
        new ScaleDto(t.Scale.Min, t.Scale.Max, t.Scale.Threshold, t.Scale.Labels.ToDictionary(l => l.Key.ToString(CultureInfo.InvariantCulture), l => l.Value)),
        t.Questions.Select(q => new QuestionDto(q.Id, q.Section.ToString(), q.Text, q.Hint)).ToList(), createdBy, createdAt);

    /// <summary>Validates through the domain; a problem raises <see cref="DomainValidationException"/> (German).</summary>
    public QuestionnaireTemplate ToDomain(string id, int version)
    {
        var s = Scale ?? new ScaleDto(RatingScale.Default.Min, RatingScale.Default.Max, RatingScale.Default.Threshold,
            RatingScale.Default.Labels.ToDictionary(l => l.Key.ToString(CultureInfo.InvariantCulture), l => l.Value));
        var labels = new Dictionary<int, string>();
        foreach (var (k, v) in s.Labels ?? new Dictionary<string, string>())
        {
            if (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                throw new DomainValidationException("Labels", $"„{k}“ ist kein Wert der Skala.");
            labels[value] = v;
        }
        var scale = RatingScale.Create(s.Min, s.Max, s.Threshold, labels);
        var questions = (Questions ?? []).Select((q, i) =>
        {
            if (!EnumNames.TryParse<RatingSection>(q.Section, out var section))
                throw new DomainValidationException("Questions", $"Frage {i + 1}: Teil „{q.Section}“ ist unbekannt (HardFacts oder SoftFacts).");
            return new RatingQuestion(q.Id ?? "", section, q.Text ?? "", q.Hint);
        }).ToList();
        return QuestionnaireTemplate.Create(id, version, Title ?? "", scale, questions);
    }
}

public sealed record ScaleDto(int Min, int Max, decimal Threshold, IReadOnlyDictionary<string, string>? Labels);

public sealed record QuestionDto(string? Id, string? Section, string? Text, string? Hint);
