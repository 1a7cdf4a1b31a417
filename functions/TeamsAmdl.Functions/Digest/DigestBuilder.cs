using Microsoft.Extensions.Options;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// What a digest is made of, fixed at publication (stored as JSON for the history, and rendered again from it):
/// the rows, who published when, and the link to the tab; <paramref name="CorrectsPublishedAt"/> when it corrects an earlier
/// publication of the week (then published at that time).
/// </summary>
public sealed record DigestSnapshot(
    string Id,
    string Week,
    string PublishedById,
    string PublishedByName,
    DateTimeOffset PublishedAt,
    DateOnly Today,
    string? TabUrl,
    IReadOnlyList<DigestEntry> Entries,
    DateTimeOffset? CorrectsPublishedAt = null)
{
    public WeekKey WeekKey => WeekKey.Parse(Week);
}

/// <summary>The messages of a digest: cards in order, their sizes, and whether the condensed form was needed.</summary>
public sealed record DigestParts(IReadOnlyList<AdaptiveCard> Cards, IReadOnlyList<int> Bytes, bool Condensed, int HiddenCount, int FullParts);

/// <summary>
/// R-INFO-2/-3: builds the digest cards. Rows in digest order (<see cref="DigestRules.Ordered"/>); the cards are cut
/// by measured size (<see cref="DigestSplitter"/>) so that every message stays under <see cref="DigestOptions.MaxMessageBytes"/>.
/// If that takes more than <see cref="DigestOptions.MaxParts"/> messages, the condensed form
/// (<see cref="DigestRules.Condense"/>) is sent instead, which counts the rows it leaves out per group and says so.
/// </summary>
public sealed class DigestBuilder(IOptions<DigestOptions> options)
{
    private sealed record Item(DigestGroup Group, DigestEntry? Entry, int Hidden)
    {
        public bool SameTeam(Item other) => Group.TeamId == other.Group.TeamId;
        public bool SameGroup(Item other) => SameTeam(other) && Group.Kind == other.Group.Kind;
    }

    public DigestParts Build(DigestSnapshot snapshot, bool preview = false, DateTimeOffset? previewPublishedAt = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var o = options.Value;
        var full = DigestRules.Group(snapshot.Entries).SelectMany(g => g.Entries.Select(e => new Item(g, e, 0))).ToList();
        var ranges = Split(snapshot, full, preview, condensed: false);
        var fullParts = ranges.Count;
        var items = full;
        var condensed = false;
        var hidden = 0;
        if (ranges.Count > o.MaxParts)
        {
            var c = DigestRules.Condense(snapshot.Entries, snapshot.Today, o.SoonDays);
            hidden = c.HiddenCount;
            condensed = true;
            var keptNumbers = c.Kept.Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
            items = [];
            foreach (var g in DigestRules.Group(snapshot.Entries))
            {
                var kept = g.Entries.Where(e => keptNumbers.Contains(e.Number)).ToList();
                items.AddRange(kept.Select(e => new Item(g, e, 0)));
                if (c.Hidden.GetValueOrDefault((g.TeamId, g.Kind)) is > 0 and var n)
                    items.Add(new Item(g, null, n));
            }
            ranges = Split(snapshot, items, preview, condensed: true);
        }
        var cards = ranges.Select((r, i) => DigestCard.Build(Data(snapshot, items, r.Start, r.Count, i + 1, ranges.Count, preview, condensed) with
            {
                PreviewPublishedAt = preview ? previewPublishedAt : null,
            })).ToList();
        return new DigestParts(cards, cards.Select(DigestMessages.Bytes).ToList(), condensed, hidden, fullParts);
    }

    private IReadOnlyList<(int Start, int Count)> Split(DigestSnapshot s, List<Item> items, bool preview, bool condensed) =>
        DigestSplitter.Split(items.Count,
            (start, count) => DigestMessages.Bytes(DigestCard.Build(Data(s, items, start, count, 99, 99, preview, condensed))),
            options.Value.MaxMessageBytes);

    private DigestCardData Data(DigestSnapshot s, List<Item> items, int start, int count, int part, int parts, bool preview, bool condensed)
    {
        var o = options.Value;
        // One section per team (one table), in it one group per measure kind; "continued" when the team or the group
        // began in an earlier part.
        var sections = new List<DigestCardSection>();
        var end = start + count;
        var i = start;
        while (i < end)
        {
            var team = items[i];
            var groups = new List<DigestCardGroup>();
            var teamContinued = i > 0 && items[i - 1].SameTeam(team);
            while (i < end && items[i].SameTeam(team))
            {
                var first = items[i];
                var rows = new List<DigestCardRow>();
                var hidden = 0;
                var groupContinued = i > 0 && items[i - 1].SameGroup(first);
                for (; i < end && items[i].SameGroup(first); i++)
                {
                    if (items[i].Entry is { } e)
                        rows.Add(new DigestCardRow(e.Number, e.Title, e.Traeger, e.Location, e.Occupied, e.Capacity, e.FreePlaces, e.NextEntryDate,
                            DigestRules.IsSoon(e.NextEntryDate, s.Today, o.SoonDays), e.Remarks, e.State == DigestInputState.Missing));
                    hidden += items[i].Hidden;
                }
                groups.Add(new DigestCardGroup(first.Group.Kind.German(), groupContinued, rows, hidden));
            }
            sections.Add(new DigestCardSection(team.Group.TeamName, teamContinued, groups));
        }
        DigestCardSummary? summary = null;
        if (start == 0)
        {
            var t = DigestTotals.Of(s.Entries, s.Today, o.SoonDays);
            summary = new DigestCardSummary(t.Measures, t.FreePlaces, t.MeasuresWithFreePlaces, t.EntriesSoon, o.SoonDays, t.Missing);
        }
        var week = s.WeekKey;
        return new DigestCardData(week.Label, week.Monday, week.Sunday, s.PublishedByName, s.PublishedAt, part, parts, summary, sections,
            condensed ? o.MaxParts : null, s.TabUrl, preview, CorrectsPublishedAt: s.CorrectsPublishedAt);
    }
}
