using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Digest;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// Issue 14: a person's digest fits a phone: at most 2 messages under 28 KB for 300 measures, the person's measures with
/// free places first, their full ones in one line, no table (no empty columns), and what is left out is counted.
/// </summary>
public sealed class PersonalDigestBuilderTests
{
    private static readonly PersonalDigestBuilder Builder = new(Options.Create(new DigestOptions()));

    private static IReadOnlyList<string> Numbers(AdaptiveCard card) => Regex.Matches(card.ToJson(), "962-X-2026-\\d{4}").Select(m => m.Value).ToList();

    [Theory]
    [InlineData(26)]
    [InlineData(300)]
    [InlineData(1000)]
    public void At_most_two_messages_each_under_28_KB_the_audience_first_and_nothing_left_out_silently(int measures)
    {
        var snapshot = DigestSamples.Snapshot(measures);
        var audience = DigestAudience.Team("team-0");
        var plan = PersonalDigestPlan.For(snapshot.Entries, audience);

        var parts = Builder.Build(snapshot, audience, "Team U25");

        Assert.InRange(parts.Cards.Count, 1, 2);
        Assert.All(parts.Cards, c => Assert.True(DigestBuilderTests.WireBytes(c) < 28_000, $"{DigestBuilderTests.WireBytes(c)} bytes"));
        var json = string.Concat(parts.Cards.Select(c => c.ToJson()));
        Assert.DoesNotContain("\"Table\"", json); // no columns at all, so none can be empty
        Assert.DoesNotContain("**", json);

        // Rows: the audience's measures with free places first (in digest order), then others with free places.
        var shown = parts.Cards.SelectMany(c => Numbers(c)).Distinct().ToList();
        var mineFree = plan.MineFree.Select(e => e.Number).ToList();
        var rows = shown.Where(n => !plan.MineFull.Any(e => e.Number == n)).ToList();
        Assert.Equal(plan.Rows.Take(rows.Count).Select(e => e.Number), rows);
        Assert.Equal(plan.Rows.Count - rows.Count, parts.HiddenCount);
        Assert.True(rows.Count >= Math.Min(mineFree.Count, 40), $"only {rows.Count} rows shown");

        // Full measures of the audience: one line (listed up to 40, else counted); everything not shown is counted in the footer.
        var last = parts.Cards[^1].ToJson();
        var leftOutOther = plan.OtherFree.Count - Math.Max(0, rows.Count - mineFree.Count);
        if (leftOutOther > 0) Assert.Contains($"{leftOutOther:N0} weitere Maßnahmen mit freien Plätzen".Replace(",", "."), last);
        if (plan.OtherFull > 0) Assert.Contains($"{plan.OtherFull} weitere Maßnahmen ohne freie Plätze", last);
        Assert.Contains("Die vollständige Tabelle steht im Tab und im PDF.", last);
        Assert.Contains("Voll (keine freien Plätze)", json);
    }

    [Fact]
    public void An_IFK_subscription_for_a_kind_puts_those_measures_first_and_a_muted_one_among_the_others()
    {
        var snapshot = DigestSamples.Snapshot(60);
        var agh = snapshot.Entries.Where(e => e.Kind == MeasureKind.Agh && e.FreePlaces > 0).ToList();
        var muted = agh[0].Number;
        var audience = new DigestAudience(new HashSet<string>(), new HashSet<string>(), new HashSet<MeasureKind> { MeasureKind.Agh },
            new HashSet<string> { muted });

        var card = Assert.Single(Builder.Build(snapshot, audience, "Ihr Abo freier Plätze").Cards);

        var numbers = Numbers(card).ToList();
        // First the subscribed kind's measures that take participants, in digest order (grouped as the full table is),
        // without the muted one; the muted one only later among the others.
        var expected = DigestRules.Ordered(agh.Where(e => e.IntakeOpen)).Select(x => x.Entry.Number).Where(n => n != muted).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, numbers.Take(expected.Count));
        Assert.DoesNotContain(muted, numbers.Take(expected.Count));
        Assert.Contains("Ihre Maßnahmen (Ihr Abo freier Plätze) mit freien Plätzen", card.ToJson());
    }
}
