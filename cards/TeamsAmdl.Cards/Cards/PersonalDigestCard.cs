namespace TeamsAmdl.Cards;

/// <summary>
/// A section of a personal digest: a heading, its rows, and optionally one line that collapses measures
/// (<paramref name="CollapsedLine"/>, e.g. the full ones). <paramref name="Continued"/>: began in the previous part.
/// </summary>
public sealed record PersonalDigestSection(string Heading, bool Continued, IReadOnlyList<DigestCardRow> Rows, string? CollapsedLine = null);

/// <summary>Input of <see cref="PersonalDigestCard"/>: one message of a person's weekly Maßnahmeinfo.</summary>
/// <param name="SummaryLines">Only in the first part: the person's and the overall key figures.</param>
/// <param name="Footer">Only in the last part: what is left out of the message (counted) and where it is complete.</param>
public sealed record PersonalDigestCardData(
    string WeekLabel,
    DateOnly Monday,
    DateOnly Sunday,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    int Part,
    int Parts,
    IReadOnlyList<string> SummaryLines,
    IReadOnlyList<PersonalDigestSection> Sections,
    string? Footer,
    string? TabUrl,
    DateTimeOffset? CorrectsPublishedAt = null);

/// <summary>
/// Issue 14: the weekly Maßnahmeinfo as one person reads it in a chat, on a phone (360 px): no table, one measure in two
/// short lines (title with free places, then number, Träger, entry date, remark), the person's measures first, full
/// measures collapsed into one line, the rest counted with a link to the complete table in the tab.
/// </summary>
public static class PersonalDigestCard
{
    public static AdaptiveCard Build(PersonalDigestCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = AdaptiveCard.Create()
            .WithFallbackText(CardTexts.Digest.FallbackText(data.WeekLabel, data.Part, data.Parts))
            .Add(TextBlock.Heading(CardTexts.Digest.Title(data.WeekLabel)))
            .AddIf(data.CorrectsPublishedAt is not null, new TextBlock(CardTexts.Digest.Correction(data.CorrectsPublishedAt ?? default))
                { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Small })
            .Add(TextBlock.Subtle(CardTexts.Digest.Subtitle(data.Monday, data.Sunday, data.PublishedBy)) with { Spacing = Spacing.None })
            .Add(TextBlock.Subtle(data.Parts > 1
                ? CardTexts.Digest.PublishedAt(data.PublishedAt) + " · " + CardTexts.Digest.Part(data.Part, data.Parts)
                : CardTexts.Digest.PublishedAt(data.PublishedAt)) with { Spacing = Spacing.None });

        if (data.SummaryLines.Count > 0)
            builder.Add(new Container(data.SummaryLines.Select((l, i) => (CardElement)new TextBlock(l)
                { Weight = i == 0 ? TextWeight.Bolder : null, Spacing = Spacing.None }).ToList()) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });

        foreach (var section in data.Sections)
        {
            builder.Add(new TextBlock(section.Continued ? CardTexts.Digest.SectionContinued(section.Heading) : section.Heading)
                { Weight = TextWeight.Bolder, Size = TextSize.Medium, Spacing = Spacing.Large, Separator = true });
            foreach (var r in section.Rows)
            {
                builder.Add(new TextBlock(CardTexts.Digest.PersonalRowTitle(r.Title, r.FreePlaces, r.Occupied, r.Capacity))
                    { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
                builder.Add(TextBlock.Subtle(CardTexts.Digest.PersonalRowDetail(r.Number, r.Traeger, r.Location, r.NextEntry, r.EntrySoon, r.Remarks,
                    r.SystemValues)) with { Spacing = Spacing.None });
            }
            if (section.CollapsedLine is { } line)
                builder.Add(TextBlock.Subtle(line) with { Spacing = Spacing.Medium });
        }
        if (data.Footer is { } footer)
            builder.Add(new TextBlock(footer) { Spacing = Spacing.Large, Separator = true });
        if (!string.IsNullOrWhiteSpace(data.TabUrl))
            builder.AddAction(new OpenUrlAction(CardTexts.Digest.OpenTab, data.TabUrl));
        return builder.Build();
    }
}
