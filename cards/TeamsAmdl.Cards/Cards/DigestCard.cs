namespace TeamsAmdl.Cards;

/// <summary>One row of the digest table (display values).</summary>
/// <param name="EntrySoon">The next entry date is soon: highlighted.</param>
/// <param name="SystemValues">No weekly input: the row shows the system's figures (marked).</param>
public sealed record DigestCardRow(
    string Number,
    string Title,
    string Traeger,
    string Location,
    int Occupied,
    int Capacity,
    int FreePlaces,
    DateOnly? NextEntry,
    bool EntrySoon,
    string? Remarks,
    bool SystemValues);

/// <summary>The rows of one measure kind within a team; <paramref name="Continued"/> when the group started in an earlier part.</summary>
/// <param name="HiddenCount">Condensed digest: rows of this group left out (counted, never dropped silently).</param>
public sealed record DigestCardGroup(string Kind, bool Continued, IReadOnlyList<DigestCardRow> Rows, int HiddenCount = 0);

/// <summary>A team of the digest (one table); <paramref name="Continued"/> when the team started in an earlier part.</summary>
public sealed record DigestCardSection(string Team, bool Continued, IReadOnlyList<DigestCardGroup> Groups);

/// <summary>The key figures shown in the first part.</summary>
public sealed record DigestCardSummary(int Measures, int FreePlaces, int MeasuresWithFreePlaces, int EntriesSoon, int SoonDays, int Missing);

/// <summary>Input of <see cref="DigestCard"/>: one message of the weekly Maßnahmeinfo.</summary>
/// <param name="Part">1-based number of this message, of <paramref name="Parts"/>.</param>
/// <param name="Summary">Only in the first part.</param>
/// <param name="CondensedMaxMessages">Set when the digest is the condensed form (the full one would need more messages).</param>
/// <param name="TabUrl">Absolute link to the tab (Teams deep link); null: no button.</param>
/// <param name="Preview">The coordinator's preview.</param>
/// <param name="PreviewPublishedAt">Preview of a week that has been published already (when, for the badge).</param>
/// <param name="CorrectsPublishedAt">This publication corrects the week's earlier one (published then): marked as correction.</param>
public sealed record DigestCardData(
    string WeekLabel,
    DateOnly Monday,
    DateOnly Sunday,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    int Part,
    int Parts,
    DigestCardSummary? Summary,
    IReadOnlyList<DigestCardSection> Sections,
    int? CondensedMaxMessages = null,
    string? TabUrl = null,
    bool Preview = false,
    DateTimeOffset? PreviewPublishedAt = null,
    DateTimeOffset? CorrectsPublishedAt = null);

/// <summary>
/// R-INFO-2/-3: the weekly Maßnahmeinfo as an Adaptive Card (1.5 Table) grouped by team and measure kind, free
/// places and soon entry dates highlighted, with a link to the tab. A digest too large for one Teams message is
/// split by the caller into parts ("Teil 1 von 3"); a group that continues repeats its heading.
/// </summary>
public static class DigestCard
{
    public static AdaptiveCard Build(DigestCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText(CardTexts.Digest.FallbackText(data.WeekLabel, data.Part, data.Parts))
            .Add(TextBlock.Heading(CardTexts.Digest.Title(data.WeekLabel)))
            .AddIf(data.Preview, new TextBlock(data.PreviewPublishedAt is { } published
                ? CardTexts.Digest.PreviewPublished(published) : CardTexts.Digest.PreviewBadge) { Color = TextColor.Warning, Weight = TextWeight.Bolder, Spacing = Spacing.Small })
            .AddIf(data.CorrectsPublishedAt is not null, new TextBlock(CardTexts.Digest.Correction(data.CorrectsPublishedAt ?? default))
                { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Small })
            .Add(TextBlock.Subtle(CardTexts.Digest.Subtitle(data.Monday, data.Sunday, data.PublishedBy)) with { Spacing = Spacing.None })
            .Add(TextBlock.Subtle(data.Parts > 1
                ? CardTexts.Digest.PublishedAt(data.PublishedAt) + " · " + CardTexts.Digest.Part(data.Part, data.Parts)
                : CardTexts.Digest.PublishedAt(data.PublishedAt)) with { Spacing = Spacing.None, Size = TextSize.Small });

        if (data.Summary is { } s)
            builder.Add(SummaryBlock(s));
        if (data.CondensedMaxMessages is { } max && data.Part == 1)
            builder.Add(new TextBlock(CardTexts.Digest.Condensed(max)) { Size = TextSize.Small, Color = TextColor.Warning, Spacing = Spacing.Small });
        if (data.Sections.Count == 0 && data.Part == 1)
            builder.Add(new TextBlock(CardTexts.Digest.Empty) { Spacing = Spacing.Medium });

        foreach (var section in data.Sections)
        {
            builder.Add(new TextBlock(section.Continued ? CardTexts.Digest.SectionContinued(section.Team) : section.Team)
            {
                Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = Spacing.Large,
            });
            builder.Add(SectionTable(section));
        }

        if (!string.IsNullOrWhiteSpace(data.TabUrl))
            builder.AddAction(new OpenUrlAction(CardTexts.Digest.OpenTab, data.TabUrl));
        return builder.Build();
    }

    private static Container SummaryBlock(DigestCardSummary s)
    {
        var items = new List<CardElement>
        {
            new TextBlock(CardTexts.Digest.SummaryMeasures(s.Measures)) { Weight = TextWeight.Bolder },
            new TextBlock(CardTexts.Digest.SummaryFree(s.FreePlaces, s.MeasuresWithFreePlaces))
                { Color = s.FreePlaces > 0 ? TextColor.Good : null, Weight = TextWeight.Bolder, Spacing = Spacing.None },
            new TextBlock(CardTexts.Digest.SummarySoon(s.EntriesSoon, s.SoonDays)) { Spacing = Spacing.None },
        };
        if (s.Missing > 0)
            items.Add(TextBlock.Subtle(CardTexts.Digest.SummaryMissing(s.Missing)) with { Spacing = Spacing.None });
        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    /// <summary>
    /// One table per team (the header row once), each measure kind introduced by a one-cell row. Compact rows (a
    /// digest of 300 measures needs every byte): free and occupied places share a cell, highlighted (style good, bold)
    /// when places are free; a soon entry date is highlighted (style accent, bold); trailing empty cells are left out
    /// (the renderer shows them empty).
    /// </summary>
    private static Table SectionTable(DigestCardSection section)
    {
        var rows = new List<TableRow>
        {
            TableRow.OfTexts(true, CardTexts.Digest.ColumnMeasure, CardTexts.Digest.ColumnPlaces, CardTexts.Digest.ColumnNextEntry,
                CardTexts.Digest.ColumnRemarks),
        };
        foreach (var group in section.Groups)
        {
            rows.Add(new TableRow([TableCell.OfText(group.Continued ? CardTexts.Digest.SectionContinued(group.Kind) : group.Kind, bold: true)])
                { Style = ContainerStyle.Emphasis });
            foreach (var r in group.Rows)
                rows.Add(Row(r));
            if (group.HiddenCount > 0)
                rows.Add(new TableRow([new TableCell([new TextBlock(CardTexts.Digest.Hidden(group.HiddenCount)) { IsSubtle = true }])]));
        }
        return new Table(
            [TableColumn.Weighted(3.4), TableColumn.Weighted(1.4), TableColumn.Weighted(1.3), TableColumn.Weighted(2.4)],
            rows) { FirstRowAsHeader = true, ShowGridLines = true, Spacing = Spacing.Small };
    }

    private static TableRow Row(DigestCardRow r)
    {
        var detail = CardTexts.Digest.RowDetail(r.Number, r.Traeger, r.Location);
        var places = CardTexts.Digest.Places(r.FreePlaces, r.Occupied, r.Capacity);
        var cells = new List<TableCell>
        {
            new([
                new TextBlock(r.Title) { Weight = TextWeight.Bolder },
                new TextBlock(r.SystemValues ? detail + " · " + CardTexts.Digest.SystemValues : detail) { IsSubtle = true },
            ]),
            r.FreePlaces > 0
                ? new TableCell([new TextBlock(places) { Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Good }
                : TableCell.OfText(places),
        };
        var hasRemarks = !string.IsNullOrWhiteSpace(r.Remarks);
        if (r.NextEntry is { } d)
            cells.Add(r.EntrySoon
                ? new TableCell([new TextBlock(CardTexts.Common.Date(d)) { Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Accent }
                : TableCell.OfText(CardTexts.Common.Date(d)));
        else if (hasRemarks)
            cells.Add(TableCell.OfText(CardTexts.Digest.NoEntry));
        if (hasRemarks) cells.Add(TableCell.OfText(r.Remarks!));
        return new TableRow(cells);
    }
}
