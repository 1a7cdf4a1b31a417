using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Domain.Tests.Deadlines;

/// <summary>The day of every deadline of SPEC §8 (R-TN-1…4): Fridays, month ends, 24/31 December, holidays, leap years.</summary>
public class DeadlineRulesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ExitReason.Abbruch, "2026-11-20", "2026-11-27")]       // Friday → the next Friday
    [InlineData(ExitReason.Nichtantritt, "2026-12-17", "2026-12-24")]  // 24 December is a working day in BW: stays
    [InlineData(ExitReason.Abbruch, "2026-12-24", "2026-12-31")]       // 31 December likewise
    [InlineData(ExitReason.Abbruch, "2026-12-25", "2027-01-04")]       // 1 January (Friday, Neujahr) → Monday
    [InlineData(ExitReason.Nichtantritt, "2027-01-02", "2027-01-11")]  // Saturday event → Saturday 9th → Monday 11th
    [InlineData(ExitReason.Abbruch, "2028-02-22", "2028-02-29")]       // leap day is an ordinary working day
    [InlineData(ExitReason.RegulaeresEnde, "2026-12-18", "2027-01-04")] // Friday end, 2 weeks → Neujahr → Monday
    [InlineData(ExitReason.RegulaeresEnde, "2026-12-23", "2027-01-07")] // 6 January (Heilige Drei Könige) → 7th
    [InlineData(ExitReason.RegulaeresEnde, "2026-12-31", "2027-01-14")] // month and year end
    [InlineData(ExitReason.RegulaeresEnde, "2028-02-15", "2028-02-29")] // into the leap day
    [InlineData(ExitReason.RegulaeresEnde, "2027-02-15", "2027-03-01")] // no leap day: 1 March
    public void Feedbackbogen_one_week_after_Nichtantritt_or_Abbruch_two_weeks_after_a_regular_end(ExitReason reason, string lastDay, string due) =>
        Assert.Equal(D(due), DeadlineRules.Feedbackbogen(reason, D(lastDay)));

    [Theory]
    [InlineData(2026, 11, "2026-12-09", "2026-12-10")]  // Wednesday
    [InlineData(2026, 12, "2027-01-09", "2027-01-10")]  // Saturday: not moved, the data lock on the 10th
    [InlineData(2028, 2, "2028-03-09", "2028-03-10")]   // leap February
    [InlineData(2026, 4, "2026-05-09", "2026-05-10")]   // Saturday again
    public void Attendance_by_the_9th_of_the_following_month_locked_from_the_10th(int year, int month, string due, string locked)
    {
        Assert.Equal(D(due), DeadlineRules.Anwesenheit(year, month));
        Assert.Equal(D(locked), DeadlineRules.AnwesenheitLockedFrom(year, month));
    }

    [Theory]
    [InlineData(2026, 11, "2026-12-10")]  // Thursday
    [InlineData(2026, 12, "2027-01-11")]  // Sunday 10th → Monday
    [InlineData(2026, 9, "2026-10-12")]   // Saturday 10th → Monday
    [InlineData(2026, 7, "2026-08-10")]   // Monday
    public void Bewirtschaftungsliste_by_the_10th_next_working_day(int year, int month, string due) =>
        Assert.Equal(D(due), DeadlineRules.Bewirtschaftungsliste(year, month));

    [Theory]
    [InlineData("2026-11-20", "2026-11-20")]  // Friday: on the day, not moved (it is the entry/last day itself)
    [InlineData("2026-12-31", "2026-12-31")]
    public void Entry_and_exit_reports_on_the_day(string day, string due)
    {
        Assert.Equal(D(due), DeadlineRules.Eintrittsmeldung(D(day)));
        Assert.Equal(D(due), DeadlineRules.Austrittsmeldung(D(day)));
        Assert.Equal(D(due), DeadlineRules.Erwartungsbogen(D(day)));
    }

    [Theory]
    [InlineData("2028-02-29", "2029-02-28", "2029-03-01")]  // leap-day entry: 12 months end on 28 February
    [InlineData("2027-03-01", "2028-02-29", "2028-03-01")]  // ends on the leap day
    [InlineData("2027-01-31", "2028-01-30", "2028-01-31")]  // month end; the 30th is a Sunday, the 31st a Monday
    [InlineData("2025-12-27", "2026-12-26", "2026-12-28")]  // ends on 2. Weihnachtstag → Monday
    public void UB_LuV_after_12_months(string entry, string periodEnd, string due)
    {
        Assert.Equal(D(periodEnd), DeadlineRules.PeriodEnd(D(entry), 12));
        Assert.Equal(D(due), DeadlineRules.LuV12Monate(D(entry)));
    }

    [Theory]
    [InlineData("2026-12-18", "2027-01-04")]  // Friday, across the new year
    [InlineData("2026-12-10", "2026-12-24")]  // 24 December
    public void DiaAm_Abschlussbericht_two_weeks_after_the_end(string lastDay, string due) =>
        Assert.Equal(D(due), DeadlineRules.Abschlussbericht(D(lastDay)));
}
