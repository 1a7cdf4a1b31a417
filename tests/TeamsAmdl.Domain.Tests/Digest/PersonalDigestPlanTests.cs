using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Domain.Tests.Digest;

/// <summary>Issue 14: what a person's digest shows first, what it collapses and what it only counts.</summary>
public sealed class PersonalDigestPlanTests
{
    private static DigestEntry E(string number, string team, int free, bool intakeOpen = true, MeasureKind kind = MeasureKind.Agh) =>
        new(number, "Titel " + number, team, "Team " + team, kind, "Träger", "Musterstadt", 10, 10 - free, free, null, null,
            DigestInputState.Confirmed, "Betreuung", IntakeOpen: intakeOpen);

    [Fact]
    public void Own_team_with_free_places_first_full_ones_collapsed_others_with_free_places_after_other_full_ones_counted()
    {
        DigestEntry[] entries =
        [
            E("962-A-0003", "b", 2),                    // other team, free
            E("962-A-0001", "a", 0),                    // own team, full
            E("962-A-0002", "a", 4),                    // own team, free
            E("962-A-0004", "b", 0),                    // other team, full: only counted
            E("962-A-0005", "a", 3, intakeOpen: false), // own team, no intake any more: counts as full
        ];

        var plan = PersonalDigestPlan.For(entries, DigestAudience.Team("a"));

        Assert.Equal(["962-A-0002"], plan.MineFree.Select(e => e.Number));
        Assert.Equal(["962-A-0001", "962-A-0005"], plan.MineFull.Select(e => e.Number));
        Assert.Equal(["962-A-0003"], plan.OtherFree.Select(e => e.Number));
        Assert.Equal(1, plan.OtherFull);
        Assert.Equal(["962-A-0002", "962-A-0003"], plan.Rows.Select(e => e.Number));
    }

    [Theory]
    // teams, kinds, muted, number → matches
    [InlineData("a", "", "", "962-A-0001", true)]           // own team
    [InlineData("b", "", "", "962-A-0001", false)]          // other team
    [InlineData("", "Agh", "", "962-A-0001", true)]         // kind filter only
    [InlineData("", "DiaAm", "", "962-A-0001", false)]      // another kind
    [InlineData("a", "", "962-A-0001", "962-A-0001", false)] // muted
    public void Audience_matches_like_the_free_place_subscription(string teams, string kinds, string muted, string number, bool expected)
    {
        static HashSet<string> Set(string s) => s.Length == 0 ? [] : [.. s.Split(',')];
        var audience = new DigestAudience(Set(teams), new HashSet<string>(), Set(kinds).Select(Enum.Parse<MeasureKind>).ToHashSet(), Set(muted));
        Assert.Equal(expected, audience.Matches(E(number, "a", 1)));
    }
}
