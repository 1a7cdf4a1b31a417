using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;

namespace TeamsAmdl.Domain.Tests.Quality;

/// <summary>R-QA-1: the regular inspection plan, computed by hand (weekday and BW holidays checked per row).</summary>
public sealed class InspectionPlanTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string, string> Plans => new()
    {
        // 3 months: the 3-month date (01.05.2027) is after the end: no regular inspection.
        { "3 Monate", "2027-02-01", "2027-04-30", "" },
        // 6 months (not longer than 6): 3-month date Sat 01.05.2027 (also Tag der Arbeit) → Mon 03.05.
        { "6 Monate", "2027-02-01", "2027-07-31", "3:2027-05-03" },
        // 7 months: longer than 6, but 9 months (Mon 01.11.2027 Allerheiligen → 02.11.) is after the end.
        { "7 Monate", "2027-02-01", "2027-08-31", "3:2027-05-03" },
        // 8 months: 9 months (15.12.2027) after the end.
        { "8 Monate", "2027-03-15", "2027-11-14", "3:2027-06-15" },
        // 9 months: the 9-month date 04.10.2027 is the day after the end.
        { "9 Monate", "2027-01-04", "2027-10-03", "3:2027-04-05" },
        // 12 months: Sun 04.04.2027 → Mon 05.04. (Ostermontag is 29.03.2027); 9 months Mon 04.10.2027.
        { "12 Monate", "2027-01-04", "2028-01-03", "3:2027-04-05 9:2027-10-04" },
        // 24 months: only the two slots of the rhythm, no further regular visits.
        { "24 Monate", "2026-09-01", "2028-08-31", "3:2026-12-01 9:2027-06-01" },
        // The 9-month date exactly on the last day counts (on or before the end).
        { "9 Monate + 1 Tag", "2027-01-04", "2027-10-04", "3:2027-04-05 9:2027-10-04" },
        // Start 31.01.: 30.04.2028 (clamped, Sunday) → 01.05. holiday → Tue 02.05.; 31.10.2028 (Tuesday, no BW holiday).
        { "Start 31.", "2028-01-31", "2029-01-30", "3:2028-05-02 9:2028-10-31" },
        // Start 29.11.2026: 29.02.2027 does not exist → 28.02. (Sunday) → Mon 01.03.; 29.08.2027 Sunday → Mon 30.08.
        { "Start 29.", "2026-11-29", "2027-11-28", "3:2027-03-01 9:2027-08-30" },
        // Start 30.11.2027: leap year, 29.02.2028 (Tuesday); 30.08.2028 (Wednesday).
        { "Start 30.", "2027-11-30", "2028-11-29", "3:2028-02-29 9:2028-08-30" },
        // Start 31.03.: 30.06.2027 (clamped); 31.12.2027 is a working day by law (Friday).
        { "Start 31.03.", "2027-03-31", "2028-03-30", "3:2027-06-30 9:2027-12-31" },
        // Start 31.08.: 30.11.2027; 31.05.2028 (Pfingstmontag is 05.06.2028).
        { "Start 31.08.", "2027-08-31", "2028-08-30", "3:2027-11-30 9:2028-05-31" },
    };

    [Theory, MemberData(nameof(Plans))]
    public void Regular_plan(string name, string start, string end, string expected)
    {
        var plan = InspectionPlan.Regular(D(start), D(end));
        Assert.Equal(expected, string.Join(" ", plan.Select(p => $"{p.Months}:{p.Date:yyyy-MM-dd}")));
        Assert.NotNull(name);
    }

    [Theory]
    [InlineData(MeasureKind.Einkaufsmassnahme, true)]
    [InlineData(MeasureKind.DiaAm, true)]
    [InlineData(MeasureKind.UbInbeq, true)]
    [InlineData(MeasureKind.Agh, false)]
    [InlineData(MeasureKind.LapProjekt, false)]
    [InlineData(MeasureKind.Gutschein, false)]
    public void Only_bought_measures_have_the_rhythm(MeasureKind kind, bool applies) => Assert.Equal(applies, InspectionPlan.Applies(kind));

    [Fact]
    public void A_date_shift_after_creation_moves_planned_and_stale_confirmed_slots_and_keeps_recorded_and_adhoc_ones()
    {
        // Created 04.01.2027–03.01.2028: 3 months 05.04.2027 (confirmed), 9 months 04.10.2027 (recorded early, on 01.10.), one ad hoc.
        var stored = new[]
        {
            new StoredInspection("regular-3", InspectionKind.Regular, 3, D("2027-04-05"), InspectionStatus.Confirmed, D("2027-04-05")),
            new StoredInspection("regular-9", InspectionKind.Regular, 9, D("2027-10-01"), InspectionStatus.Recorded, D("2027-10-04")),
            new StoredInspection("adhoc-1", InspectionKind.Adhoc, null, D("2027-02-10"), InspectionStatus.Planned, null),
        };
        var before = InspectionSchedule.Merge(MeasureKind.Einkaufsmassnahme, D("2027-01-04"), D("2028-01-03"), stored);
        Assert.Equal("adhoc-1:2027-02-10:Planned regular-3:2027-04-05:Confirmed regular-9:2027-10-01:Recorded", Show(before));

        // Start moves to 01.02.2027: 3 months Sat 01.05. → Mon 03.05. (the confirmation was for 05.04.: planned again).
        var later = InspectionSchedule.Merge(MeasureKind.Einkaufsmassnahme, D("2027-02-01"), D("2028-01-31"), stored);
        Assert.Equal("adhoc-1:2027-02-10:Planned regular-3:2027-05-03:Planned regular-9:2027-10-01:Recorded", Show(later));

        // End shortened to 6 months: the 9-month slot leaves the plan, but the visit was recorded and stays.
        var shorter = InspectionSchedule.Merge(MeasureKind.Einkaufsmassnahme, D("2027-02-01"), D("2027-07-31"), stored);
        Assert.Equal("adhoc-1:2027-02-10:Planned regular-3:2027-05-03:Planned regular-9:2027-10-01:Recorded", Show(shorter));

        // Unchanged dates keep the confirmation; a slot confirmed for a date that moves back again is confirmed again.
        var same = InspectionSchedule.Merge(MeasureKind.Einkaufsmassnahme, D("2027-01-04"), D("2027-07-31"), stored);
        Assert.Equal("adhoc-1:2027-02-10:Planned regular-3:2027-04-05:Confirmed regular-9:2027-10-01:Recorded", Show(same));

        // A kind without rhythm: only ad-hoc and recorded ones.
        var agh = InspectionSchedule.Merge(MeasureKind.Agh, D("2027-01-04"), D("2028-01-03"), stored);
        Assert.Equal("adhoc-1:2027-02-10:Planned regular-9:2027-10-01:Recorded", Show(agh));
    }

    [Theory]
    [InlineData("2027-04-05", "2027-03-21", null)]  // 15 days before: nothing
    [InlineData("2027-04-05", "2027-03-22", 14)]    // 14 days before
    [InlineData("2027-04-05", "2027-04-02", 14)]    // catch-up: still the 14-day slot
    [InlineData("2027-04-05", "2027-04-03", 2)]     // 2 days before
    [InlineData("2027-04-05", "2027-04-04", 2)]     // catch-up the day before
    [InlineData("2027-04-05", "2027-04-05", null)]  // the day itself: no reminder
    [InlineData("2027-04-05", "2027-04-06", null)]  // after
    public void Reminder_slots(string inspection, string today, int? slot) =>
        Assert.Equal(slot, InspectionReminders.Due(D(inspection), D(today)));

    private static string Show(IEnumerable<StoredInspection> s) => string.Join(" ", s.Select(i => $"{i.Id}:{i.Date:yyyy-MM-dd}:{i.Status}"));
}
