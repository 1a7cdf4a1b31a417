using Microsoft.Extensions.Options;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// Issue 14: one person's Maßnahmeinfo (1:1). Rows in the order of <see cref="PersonalDigestPlan"/> (the audience's
/// measures with free places first, their full ones in one line, then the others with free places), cut by measured
/// size (<see cref="DigestSplitter"/>) into at most <see cref="DigestOptions.MaxPersonalParts"/> messages under
/// <see cref="DigestOptions.MaxMessageBytes"/>: the longest prefix of the rows that fits is sent, the rest is counted in
/// the last message's footer with the link to the complete table in the tab.
/// </summary>
public sealed class PersonalDigestBuilder(IOptions<DigestOptions> options)
{
    /// <summary>Full measures are listed by number up to this many, beyond that counted.</summary>
    public const int MaxListedFull = 40;

    private enum Section { Mine, Other }

    private sealed record Item(Section Section, DigestEntry? Entry, string? Line);

    public DigestParts Build(DigestSnapshot snapshot, DigestAudience audience, string audienceLabel)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(audience);
        var o = options.Value;
        var plan = PersonalDigestPlan.For(snapshot.Entries, audience);
        var mineLine = plan.MineFree.Count == 0 && plan.MineFull.Count == 0 ? null
            : plan.MineFree.Count == 0 ? CardTexts.Digest.PersonalMineNoneFree + " " + CardTexts.Digest.PersonalFullLine(plan.MineFull.Select(e => e.Number).ToList(), MaxListedFull)
            : plan.MineFull.Count == 0 ? null
            : CardTexts.Digest.PersonalFullLine(plan.MineFull.Select(e => e.Number).ToList(), MaxListedFull);

        List<Item> Items(int rows)
        {
            var mine = Math.Min(rows, plan.MineFree.Count);
            var list = plan.MineFree.Take(mine).Select(e => new Item(Section.Mine, e, null)).ToList();
            if (mineLine is not null) list.Add(new Item(Section.Mine, null, mineLine));
            list.AddRange(plan.OtherFree.Take(rows - mine).Select(e => new Item(Section.Other, e, null)));
            return list;
        }

        // The longest prefix of the rows that fits into MaxPersonalParts messages (sizes only grow with more rows).
        var total = plan.MineFree.Count + plan.OtherFree.Count;
        var shown = total;
        var ranges = Split(snapshot, plan, audienceLabel, Items(shown), shown);
        if (ranges.Count > o.MaxPersonalParts)
        {
            int lo = 0, hi = total;
            while (hi - lo > 1)
            {
                var mid = lo + (hi - lo) / 2;
                if (Split(snapshot, plan, audienceLabel, Items(mid), mid).Count <= o.MaxPersonalParts) lo = mid;
                else hi = mid;
            }
            shown = lo;
            ranges = Split(snapshot, plan, audienceLabel, Items(shown), shown);
        }
        var items = Items(shown);
        var cards = ranges.Select((r, i) => PersonalDigestCard.Build(Data(snapshot, plan, audienceLabel, items, shown, r.Start, r.Count, i + 1, ranges.Count)))
            .ToList();
        return new DigestParts(cards, cards.Select(DigestMessages.Bytes).ToList(), shown < total, total - shown, ranges.Count);
    }

    private IReadOnlyList<(int Start, int Count)> Split(DigestSnapshot s, PersonalDigestPlan plan, string label, List<Item> items, int shown) =>
        DigestSplitter.Split(items.Count,
            (start, count) => DigestMessages.Bytes(PersonalDigestCard.Build(Data(s, plan, label, items, shown, start, count, 99, 99, footerAlways: true))),
            options.Value.MaxMessageBytes);

    private PersonalDigestCardData Data(DigestSnapshot s, PersonalDigestPlan plan, string label, List<Item> items, int shown, int start, int count,
        int part, int parts, bool footerAlways = false)
    {
        var o = options.Value;
        var sections = new List<PersonalDigestSection>();
        var end = start + count;
        var i = start;
        while (i < end)
        {
            var section = items[i].Section;
            var continued = i > 0 && items[i - 1].Section == section;
            var rows = new List<DigestCardRow>();
            string? line = null;
            for (; i < end && items[i].Section == section; i++)
            {
                if (items[i].Entry is { } e)
                    rows.Add(new DigestCardRow(e.Number, e.Title, e.Traeger, e.Location, e.Occupied, e.Capacity, e.FreePlaces, e.NextEntryDate,
                        DigestRules.IsSoon(e.NextEntryDate, s.Today, o.SoonDays), e.Remarks, e.State == DigestInputState.Missing));
                else line = items[i].Line;
            }
            sections.Add(new PersonalDigestSection(
                section == Section.Mine ? CardTexts.Digest.PersonalMineHeading(label) : CardTexts.Digest.PersonalOtherHeading, continued, rows, line));
        }

        IReadOnlyList<string> summary = [];
        if (start == 0)
        {
            var mine = plan.MineFree.Concat(plan.MineFull).ToList();
            var all = DigestTotals.Of(s.Entries, s.Today, o.SoonDays);
            summary =
            [
                CardTexts.Digest.PersonalSummaryMine(label, mine.Count, plan.MineFree.Count, plan.MineFree.Sum(e => e.FreePlaces)),
                CardTexts.Digest.PersonalSummaryAll(all.Measures, all.MeasuresWithFreePlaces, all.FreePlaces),
            ];
        }
        string? footer = null;
        if (footerAlways || part == parts)
        {
            var mineShown = Math.Min(shown, plan.MineFree.Count);
            footer = CardTexts.Digest.PersonalFooter(plan.MineFree.Count - mineShown, plan.OtherFree.Count - (shown - mineShown), plan.OtherFull);
        }
        var week = s.WeekKey;
        return new PersonalDigestCardData(week.Label, week.Monday, week.Sunday, s.PublishedByName, s.PublishedAt, part, parts, summary, sections, footer,
            s.TabUrl, s.CorrectsPublishedAt);
    }
}
