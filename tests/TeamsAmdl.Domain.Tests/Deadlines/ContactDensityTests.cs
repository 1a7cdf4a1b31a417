using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Domain.Tests.Deadlines;

/// <summary>R-TN-3: ≥ 2 personal contacts a month, also in the Nachbetreuung (≤ 7 months, the predecessor project's time counts).</summary>
public class ContactDensityTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ContactKind.Persoenlich, true)]
    [InlineData(ContactKind.Telefon, false)]
    [InlineData(ContactKind.EMail, false)]
    [InlineData(ContactKind.Urlaub, false)]
    [InlineData(ContactKind.Krankheit, false)]
    public void Only_personal_contacts_count(ContactKind kind, bool counts) => Assert.Equal(counts, ContactDensity.Counts(kind));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    public void Below_two_is_flagged(int personal, bool flagged) => Assert.Equal(flagged, ContactDensity.BelowMinimum(personal));

    [Theory]
    // entry, exit, reason, Nachbetreuung since (predecessor), owed until
    [InlineData("2026-01-05", null, null, null, null)]                                  // running: open-ended
    [InlineData("2026-01-05", "2027-05-31", ExitReason.RegulaeresEnde, null, "2027-12-31")] // 7 months from 1 June
    [InlineData("2026-01-05", "2027-01-30", ExitReason.RegulaeresEnde, null, "2027-08-30")] // from 31 January: ends the 30 August
    [InlineData("2027-02-28", "2027-07-31", ExitReason.RegulaeresEnde, null, "2028-02-29")] // into a leap February
    [InlineData("2026-01-05", "2026-03-13", ExitReason.Abbruch, null, "2026-03-13")]        // no Nachbetreuung after an Abbruch
    [InlineData("2027-04-01", null, null, "2027-03-15", "2027-10-14")]                 // began in the predecessor project: 7 months from there
    [InlineData("2027-06-01", "2027-06-30", ExitReason.RegulaeresEnde, "2027-01-01", "2027-07-31")] // predecessor time counts, not the exit here
    public void Contacts_are_owed_during_the_participation_and_at_most_7_months_of_Nachbetreuung(string entry, string? exit, ExitReason? reason,
        string? since, string? owedUntil)
    {
        var p = new Participation("962-L-1", "TN-1", D(entry), exit is null ? null : D(exit), reason);
        Assert.Equal(owedUntil is null ? null : D(owedUntil), ContactDensity.OwedUntil(p, since is null ? null : D(since)));
    }

    [Theory]
    [InlineData("2027-02-01", false)]  // before the entry month
    [InlineData("2027-04-01", true)]   // entry month
    [InlineData("2027-10-01", true)]   // the Nachbetreuung ends on 14 October
    [InlineData("2027-11-01", false)]  // 7 months (with the predecessor's) are over
    public void A_Nachbetreuung_that_started_in_the_predecessor_project_ends_7_months_after_it_began(string month, bool owed)
    {
        var p = new Participation("962-L-1", "TN-1", D("2027-04-01"));
        Assert.Equal(owed, ContactDensity.Owed(p, D(month), D("2027-03-15")));
    }
}
