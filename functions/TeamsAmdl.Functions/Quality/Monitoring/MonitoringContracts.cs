using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>Request and response shapes of the monitoring API.</summary>
public static class MonitoringContracts
{
    /// <summary>POST api/quality/contacts: type by name ("Kontaktbesuch", "Massnahmepruefung").</summary>
    public sealed record ContactBody(string? MeasureNumber, DateOnly? Date, CosachContactType? Type);

    /// <summary>POST api/quality/tasks/{measure}/{task}/complete: the two numbers for the Eingliederungserfolg (ignored for the review).</summary>
    public sealed record CompleteBody(int? Integrated, int? NotIntegrated);

    public sealed record MeasureFigures(string Number, string Title, string Kind, string Traeger, string Team, int Places, int Occupied,
        decimal Rate, decimal? TmContracted, decimal? TmPlanned, decimal? TmConsumed, decimal? TmRate, int? MinimumPlaces, int PaidButEmpty);

    public sealed record MonthFigures(string Month, DateOnly ReportDay, bool Reported, IReadOnlyList<MeasureFigures> Measures);

    public static MeasureFigures View(MonthEndLine l) => new(l.Measure.Number, l.Measure.Title, l.Measure.Kind.German(), l.TraegerName,
        l.TeamName, l.Figures.Places, l.Figures.Occupied, l.Figures.Rate, l.Figures.TmContracted, l.Figures.TmPlanned, l.Figures.TmConsumed,
        l.Figures.TmRate, l.Figures.MinimumPlaces, l.Figures.PaidButEmpty);
}
