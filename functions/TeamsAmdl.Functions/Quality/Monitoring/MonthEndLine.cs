using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Deadlines;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>One measure of the month-end report: the measure, its figures and the names people read.</summary>
public sealed record MonthEndLine(Measure Measure, MeasureUtilisation Figures, string TraegerName, string TeamName)
{
    public MonthEndRow ToCardRow() => new(Measure.Number, Measure.Title, Figures.Places, Figures.Occupied, Figures.TmConsumed,
        Figures.TmPlanned, Figures.PaidButEmpty);

    public MonatsauslastungZeile ToDocumentRow() => new(Measure.Number, Measure.Title, TraegerName, Measure.Kind.German(), TeamName,
        Figures.Places, Figures.Occupied, Figures.TmConsumed, Figures.TmPlanned, Figures.TmContracted, Figures.MinimumPlaces, Figures.PaidButEmpty);
}

/// <summary>
/// The month-end report of <see cref="Month"/>: the covered measures, ordered by number, and the Träger reports overdue on
/// the report day (R-TN-4), oldest first.
/// </summary>
public sealed record MonthEndReportData(ReportMonth Month, DateOnly ReportDay, IReadOnlyList<MonthEndLine> Lines,
    IReadOnlyList<OverdueReport>? Overdue = null)
{
    /// <summary>The card for one team's Teamleitung (<paramref name="teamId"/>) or, with null, for the Geschäftsführung.</summary>
    public MonthEndCardData CardFor(string? teamId, string? teamName) => new(Month.German, ReportDay, teamName,
        Lines.Where(l => teamId is null || l.Measure.TeamId == teamId).Select(l => l.ToCardRow()).ToList(),
        (Overdue ?? []).Where(r => teamId is null || r.TeamId == teamId).Select(r => PendingRow(r.Item)).ToList());

    /// <summary>Teams with something on their card: a covered measure or an overdue Träger report (e.g. of an ended DIA-AM).</summary>
    public IEnumerable<string> TeamIds => Lines.Select(l => l.Measure.TeamId).Concat((Overdue ?? []).Select(r => r.TeamId))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>One measure's overdue Träger reports for its Auslastungsbericht: "Anwesenheitszeiten Oktober 2026 (fällig 09.11.2026)".</summary>
    public IReadOnlyList<string> PendingLines(string measureNumber) =>
        (Overdue ?? []).Where(r => r.Item.Measure == measureNumber).Select(r => PendingRow(r.Item))
            .Select(p => $"{p.Report} (fällig {CardTexts.Common.Date(p.Due)})").ToList();

    /// <summary>"Anwesenheitszeiten Oktober 2026" for a monthly report, "Eintritts-/Nichteintrittsmeldung TN-0201-03" for a participant's.</summary>
    private static MonthEndPendingReport PendingRow(DeadlineContracts.DeadlineView v) => new(v.Measure,
        v.Label + " " + (v.CustomerRef ?? new ReportMonth(v.Event.Year, v.Event.Month).German), v.Due);
}
