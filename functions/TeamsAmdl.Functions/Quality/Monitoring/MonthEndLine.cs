using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>One measure of the month-end report: the measure, its figures and the names people read.</summary>
public sealed record MonthEndLine(Measure Measure, MeasureUtilisation Figures, string TraegerName, string TeamName)
{
    public MonthEndRow ToCardRow() => new(Measure.Number, Measure.Title, Figures.Places, Figures.Occupied, Figures.TmConsumed,
        Figures.TmPlanned, Figures.PaidButEmpty);

    public MonatsauslastungZeile ToDocumentRow() => new(Measure.Number, Measure.Title, TraegerName, Measure.Kind.German(), TeamName,
        Figures.Places, Figures.Occupied, Figures.TmConsumed, Figures.TmPlanned, Figures.TmContracted, Figures.MinimumPlaces, Figures.PaidButEmpty);
}

/// <summary>The month-end report of <see cref="Month"/>: the covered measures, ordered by number.</summary>
public sealed record MonthEndReportData(ReportMonth Month, DateOnly ReportDay, IReadOnlyList<MonthEndLine> Lines)
{
    /// <summary>The card for one team's Teamleitung (<paramref name="teamId"/>) or, with null, for the Geschäftsführung.</summary>
    public MonthEndCardData CardFor(string? teamId, string? teamName) => new(Month.German, ReportDay, teamName,
        Lines.Where(l => teamId is null || l.Measure.TeamId == teamId).Select(l => l.ToCardRow()).ToList());
}
