namespace TeamsAmdl.Cards;

/// <summary>One measure of <see cref="WeeklyInputDoneCard"/>: what was stored.</summary>
public sealed record WeeklyInputDoneRow(string Number, string Title, int Occupied, int Capacity, int FreePlaces, DateOnly? NextEntry, bool Corrected);

/// <summary>Input of <see cref="WeeklyInputDoneCard"/>.</summary>
public sealed record WeeklyInputDoneCardData(string Week, string WeekLabel, string BetreuerName, DateTimeOffset SubmittedAt,
    IReadOnlyList<WeeklyInputDoneRow> Rows);

/// <summary>Replaces the weekly input card after it was sent: what was stored, and "Angaben ändern".</summary>
public static class WeeklyInputDoneCard
{
    public static AdaptiveCard Build(WeeklyInputDoneCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var header = TableRow.OfTexts(true, CardTexts.WeeklyInputDone.ColumnMeasure, CardTexts.WeeklyInputDone.ColumnOccupied,
            CardTexts.WeeklyInputDone.ColumnFree, CardTexts.WeeklyInputDone.ColumnNextEntry, CardTexts.WeeklyInputDone.ColumnState);
        var rows = new List<TableRow> { header };
        rows.AddRange(data.Rows.Select(r => TableRow.OfTexts(
            $"{r.Title} ({r.Number})",
            CardTexts.WeeklyInputDone.Occupied(r.Occupied, r.Capacity),
            CardTexts.Common.Number(r.FreePlaces),
            r.NextEntry is { } d ? CardTexts.Common.Date(d) : CardTexts.Common.Dash,
            r.Corrected ? CardTexts.WeeklyInputDone.Corrected : CardTexts.WeeklyInputDone.Confirmed)));

        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.WeeklyInputDone.FallbackText(data.WeekLabel))
            .Add(
                TextBlock.Heading(CardTexts.WeeklyInputDone.Title(data.WeekLabel)) with { Color = TextColor.Good },
                new TextBlock(CardTexts.WeeklyInputDone.Thanks(data.BetreuerName)) { Spacing = Spacing.Small },
                TextBlock.Subtle(CardTexts.WeeklyInputDone.SubmittedAt(data.SubmittedAt)) with { Size = TextSize.Small },
                new Table(
                    [TableColumn.Weighted(3), TableColumn.Weighted(1), TableColumn.Weighted(1), TableColumn.Weighted(1.5), TableColumn.Weighted(1.2)],
                    rows) { FirstRowAsHeader = true, ShowGridLines = false, Spacing = Spacing.Medium })
            .AddAction(new ExecuteAction(CardVerbs.DigestInputEdit, CardTexts.WeeklyInputDone.Change)
            {
                AssociatedInputs = AssociatedInputs.None,
                Data = new Dictionary<string, object?>
                {
                    [CardVerbs.DigestWeekKey] = data.Week,
                    [CardVerbs.DigestMeasuresKey] = data.Rows.Select(r => r.Number).ToArray(),
                },
            })
            .Build();
    }
}
