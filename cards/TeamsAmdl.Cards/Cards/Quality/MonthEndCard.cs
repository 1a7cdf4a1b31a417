namespace TeamsAmdl.Cards;

/// <summary>One measure on the month-end card (display values; the caller computes them).</summary>
/// <param name="TmConsumed">DIA-AM: TM used up to the report day; null otherwise (TmPlanned likewise).</param>
/// <param name="PaidButEmpty">UB/InbeQ below its Mindestplatzzahl in the first 12 months: places paid but empty.</param>
public sealed record MonthEndRow(string MeasureNumber, string Title, int Places, int Occupied, decimal? TmConsumed = null,
    decimal? TmPlanned = null, int PaidButEmpty = 0)
{
    public decimal Rate => Places == 0 ? 0 : (decimal)Occupied / Places;
}

/// <summary>Input of <see cref="MonthEndCard"/>.</summary>
/// <param name="Month">"November 2026".</param>
/// <param name="Team">The Teamleitung's team name; null for the Geschäftsführung (all teams).</param>
/// <param name="Pending">Träger reports overdue on the report day (R-TN-4), oldest first; null or empty: no section.</param>
public sealed record MonthEndCardData(string Month, DateOnly ReportDay, string? Team, IReadOnlyList<MonthEndRow> Rows,
    IReadOnlyList<MonthEndPendingReport>? Pending = null);

/// <summary>
/// R-QA-5: the month-end utilisation per Einkaufsmaßnahme, to each Teamleitung (their team) and the Geschäftsführung (all).
/// Totals first, then a table (measure, occupied/bought, rate, note: DIA-AM TM against plan, UB places paid but empty).
/// The wording is neutral: it reports numbers and says that low utilisation is not the Betreuer's fault (seed 000 §7).
/// </summary>
public static class MonthEndCard
{
    /// <summary>Rows on the card at most; the rest is in the report.</summary>
    public const int MaxRows = 30;

    /// <summary>Overdue Träger reports named on the card at most; the rest only counted (the Fristen view lists them all).</summary>
    public const int MaxPending = 5;

    public static AdaptiveCard Build(MonthEndCardData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Monitoring.MonthEndFallback(d.Month))
            .Add(TextBlock.Heading(CardTexts.Monitoring.MonthEndTitle(d.Month)),
                TextBlock.Subtle(CardTexts.Monitoring.MonthEndScope(d.Team, d.ReportDay)) with { Spacing = Spacing.None },
                new TextBlock(CardTexts.Monitoring.MonthEndNeutral) { Spacing = Spacing.Small });
        if (d.Rows.Count == 0)
            return AddPending(builder.Add(new TextBlock(CardTexts.Monitoring.NoMeasures) { Spacing = Spacing.Medium }), d.Pending).Build();

        var places = d.Rows.Sum(r => r.Places);
        var occupied = d.Rows.Sum(r => r.Occupied);
        var empty = d.Rows.Where(r => r.PaidButEmpty > 0).ToList();
        var facts = new List<Fact>
        {
            new(CardTexts.Monitoring.Measures, CardTexts.Common.Number(d.Rows.Count)),
            new(CardTexts.Monitoring.OccupiedTotal, CardTexts.Monitoring.OccupiedValue(occupied, places,
                CardTexts.Monitoring.Percent(places == 0 ? 0 : (decimal)occupied / places))),
        };
        if (empty.Count > 0)
            facts.Add(new(CardTexts.Monitoring.PaidButEmptyTotal, CardTexts.Monitoring.PaidButEmptyValue(empty.Sum(r => r.PaidButEmpty), empty.Count)));
        builder.Add(new FactSet(facts) { Spacing = Spacing.Medium });

        var rows = new List<TableRow>
        {
            TableRow.OfTexts(true, CardTexts.Monitoring.ColumnMeasure, CardTexts.Monitoring.ColumnOccupied, CardTexts.Monitoring.ColumnRate,
                CardTexts.Monitoring.ColumnNote),
        };
        foreach (var r in d.Rows.OrderBy(r => r.Rate).ThenBy(r => r.MeasureNumber, StringComparer.Ordinal).Take(MaxRows))
        {
            rows.Add(new TableRow(
            [
                new TableCell([new TextBlock(r.MeasureNumber) { Weight = TextWeight.Bolder }, TextBlock.Subtle(r.Title) with { Spacing = Spacing.None }]),
                TableCell.OfText($"{CardTexts.Common.Number(r.Occupied)}/{CardTexts.Common.Number(r.Places)}"),
                TableCell.OfText(CardTexts.Monitoring.Percent(r.Rate)),
                TableCell.OfText(MonthEndNote.For(r)),
            ]) { Style = r.PaidButEmpty > 0 ? ContainerStyle.Attention : null });
        }
        builder.Add(new Table(
            [TableColumn.Weighted(3), TableColumn.Weighted(1), TableColumn.Weighted(1.5), TableColumn.Weighted(2.5)], rows)
            { FirstRowAsHeader = true, ShowGridLines = true, Spacing = Spacing.Medium });
        if (d.Rows.Count > MaxRows)
            builder.Add(TextBlock.Subtle(CardTexts.Monitoring.LeftOut(d.Rows.Count - MaxRows)));
        return AddPending(builder.Add(TextBlock.Subtle(CardTexts.Monitoring.Filed)), d.Pending).Build();
    }

    /// <summary>R-TN-4 on the month-end card: a short neutral section, capped at <see cref="MaxPending"/> lines.</summary>
    private static AdaptiveCardBuilder AddPending(AdaptiveCardBuilder builder, IReadOnlyList<MonthEndPendingReport>? pending)
    {
        if (pending is not { Count: > 0 }) return builder;
        builder.Add(new TextBlock(CardTexts.Monitoring.PendingTitle(pending.Count)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
        foreach (var p in pending.Take(MaxPending))
            builder.Add(new TextBlock(CardTexts.Monitoring.PendingLine(p.MeasureNumber, p.Report, p.Due)) { Spacing = Spacing.None });
        if (pending.Count > MaxPending)
            builder.Add(TextBlock.Subtle(CardTexts.Monitoring.PendingMore(pending.Count - MaxPending)) with { Spacing = Spacing.None });
        return builder.Add(TextBlock.Subtle(CardTexts.Monitoring.PendingHint));
    }
}
