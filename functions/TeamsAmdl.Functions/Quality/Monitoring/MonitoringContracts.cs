using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>Request and response shapes of the monitoring API.</summary>
public static class MonitoringContracts
{
    /// <summary>POST api/quality/contacts: type by name ("Kontaktbesuch", "Massnahmepruefung").</summary>
    public sealed record ContactBody(string? MeasureNumber, DateOnly? Date, CosachContactType? Type);

    /// <summary>POST api/quality/tasks/{measure}/{task}/complete: the two numbers for the Eingliederungserfolg (ignored for the review).</summary>
    public sealed record CompleteBody(int? Integrated, int? NotIntegrated);

    /// <summary>A completed after-end task (POST …/complete).</summary>
    public sealed record TaskDone(string MeasureNumber, string Task, DateOnly OpensOn, DateOnly DueOn, DateTimeOffset? DoneAt, string? DoneBy,
        int? Integrated, int? NotIntegrated);

    public static TaskDone View(AfterEndTaskRow t) => new(t.MeasureNumber, t.Kind.ToString(), t.OpensOn, t.DueOn, t.DoneAt, t.DoneBy, t.Integrated,
        t.NotIntegrated);

    public sealed record MeasureFigures(string Number, string Title, string Kind, string Traeger, string Team, int Places, int Occupied,
        decimal Rate, decimal? TmContracted, decimal? TmPlanned, decimal? TmConsumed, decimal? TmRate, int? MinimumPlaces, int PaidButEmpty);

    public sealed record MonthFigures(string Month, DateOnly ReportDay, bool Reported, IReadOnlyList<MeasureFigures> Measures);

    public static MeasureFigures View(MonthEndLine l) => new(l.Measure.Number, l.Measure.Title, l.Measure.Kind.German(), l.TraegerName,
        l.TeamName, l.Figures.Places, l.Figures.Occupied, l.Figures.Rate, l.Figures.TmContracted, l.Figures.TmPlanned, l.Figures.TmConsumed,
        l.Figures.TmRate, l.Figures.MinimumPlaces, l.Figures.PaidButEmpty);
}
