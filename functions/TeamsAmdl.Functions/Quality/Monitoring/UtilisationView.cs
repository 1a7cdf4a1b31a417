using TeamsAmdl.Cards;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// The tab's Auslastung view of one month (R-QA-5, issue 15 items 4/7): the month-end figures of <see cref="MonthEndReport"/> for one
/// team or all, as display texts in the month-end card's neutral wording (<see cref="CardTexts.Monitoring"/>), so the tab and the
/// card say the same thing. Rows in the card's order: lowest utilisation first.
/// </summary>
public sealed record UtilisationView(string Month, string MonthText, DateOnly ReportDay, string Title, string Scope, string Neutral,
    IReadOnlyList<UtilisationView.Total> Totals, IReadOnlyList<UtilisationView.Row> Rows, string? Empty)
{
    public sealed record Total(string Label, string Value);

    /// <param name="Flagged">UB/InbeQ below its Mindestplatzzahl: places paid but empty (the card's attention rows).</param>
    public sealed record Row(string Number, string Title, string Kind, string Traeger, string Team, string Occupied, string Rate, string Note,
        bool Flagged);

    /// <param name="teamName">The Teamleitung's team; null: all teams (the lines are then not filtered).</param>
    public static UtilisationView From(MonthEndReportData data, IReadOnlyList<MonthEndLine> lines, string? teamName)
    {
        var rows = lines.Select(l => (Line: l, Card: l.ToCardRow()))
            .OrderBy(x => x.Card.Rate).ThenBy(x => x.Line.Measure.Number, StringComparer.Ordinal)
            .Select(x => new Row(x.Line.Measure.Number, x.Line.Measure.Title, x.Line.Measure.Kind.German(), x.Line.TraegerName, x.Line.TeamName,
                $"{CardTexts.Common.Number(x.Card.Occupied)}/{CardTexts.Common.Number(x.Card.Places)}", CardTexts.Monitoring.Percent(x.Card.Rate),
                MonthEndNote.For(x.Card), x.Card.PaidButEmpty > 0))
            .ToList();
        var places = lines.Sum(l => l.Figures.Places);
        var occupied = lines.Sum(l => l.Figures.Occupied);
        var empty = lines.Where(l => l.Figures.PaidButEmpty > 0).ToList();
        List<Total> totals = lines.Count == 0 ? [] :
        [
            new(CardTexts.Monitoring.Measures, CardTexts.Common.Number(lines.Count)),
            new(CardTexts.Monitoring.OccupiedTotal, CardTexts.Monitoring.OccupiedValue(occupied, places,
                CardTexts.Monitoring.Percent(places == 0 ? 0 : (decimal)occupied / places))),
        ];
        if (empty.Count > 0)
            totals.Add(new(CardTexts.Monitoring.PaidButEmptyTotal, CardTexts.Monitoring.PaidButEmptyValue(empty.Sum(l => l.Figures.PaidButEmpty), empty.Count)));
        return new UtilisationView(data.Month.ToString(), data.Month.German, data.ReportDay, CardTexts.Monitoring.MonthEndTitle(data.Month.German),
            CardTexts.Monitoring.MonthEndScope(teamName, data.ReportDay), CardTexts.Monitoring.MonthEndNeutral, totals, rows,
            lines.Count == 0 ? CardTexts.Monitoring.NoMeasures : null);
    }
}
