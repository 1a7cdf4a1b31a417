using TeamsAmdl.Domain.Quality.Monitoring;

namespace TeamsAmdl.Domain.Tests.Quality.Monitoring;

public class AfterEndScheduleTests
{
    private static Measure Ending(int y, int m, int d) => Measure.Create("962-E-T-0001", "Test", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr",
        "Ort", new DateOnly(y, m, d).AddMonths(-6), new DateOnly(y, m, d), Capacity.Create(MeasureKind.Einkaufsmassnahme, 10), null, "b", "k", "t");

    [Theory]
    // end         review opens  review due    outcome opens  outcome due
    [InlineData("2027-03-31", "2027-04-01", "2027-04-14", "2027-09-30", "2027-10-14")] // plain weekdays
    [InlineData("2027-04-30", "2027-05-03", "2027-05-14", "2027-11-02", "2027-11-16")] // 01.05. Saturday; 30.10. Saturday, 01.11. holiday
    [InlineData("2027-10-31", "2027-11-02", "2027-11-15", "2028-05-02", "2028-05-16")] // Sunday end; 01.11. holiday; 14.11. Sunday; 30.04.28 Sunday, 01.05. holiday
    [InlineData("2026-12-18", "2026-12-21", "2027-01-04", "2027-06-18", "2027-07-02")] // 01.01. holiday → due Monday 04.01.
    public void Tasks_open_after_the_end_and_are_due_two_weeks_later_on_working_days(string end, string reviewOpens, string reviewDue,
        string outcomeOpens, string outcomeDue)
    {
        var plans = AfterEndSchedule.For(Ending(DateOnly.Parse(end).Year, DateOnly.Parse(end).Month, DateOnly.Parse(end).Day));
        Assert.Equal(new AfterEndTaskPlan(AfterEndTaskKind.Abschlussbericht, DateOnly.Parse(reviewOpens), DateOnly.Parse(reviewDue)), plans[0]);
        Assert.Equal(new AfterEndTaskPlan(AfterEndTaskKind.Eingliederungserfolg, DateOnly.Parse(outcomeOpens), DateOnly.Parse(outcomeDue)), plans[1]);
    }

    private static readonly AfterEndTaskPlan Plan = new(AfterEndTaskKind.Abschlussbericht, new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 14));

    [Theory]
    // today        opened reminded done  → due
    [InlineData("2027-03-31", false, false, false, AfterEndDue.Nothing)]   // before it opens
    [InlineData("2027-04-01", false, false, false, AfterEndDue.Open)]      // opening day
    [InlineData("2027-04-01", true, false, false, AfterEndDue.Nothing)]    // second run that day
    [InlineData("2027-04-14", true, false, false, AfterEndDue.Nothing)]    // due today: not overdue yet
    [InlineData("2027-04-15", true, false, false, AfterEndDue.Reminder)]   // overdue
    [InlineData("2027-04-16", true, true, false, AfterEndDue.Nothing)]     // reminded once only
    [InlineData("2027-04-15", true, false, true, AfterEndDue.Nothing)]     // done: no reminder
    [InlineData("2027-04-17", true, false, false, AfterEndDue.Nothing)]    // Saturday: the Monday run reminds
    [InlineData("2027-04-19", true, false, false, AfterEndDue.Reminder)]   // Monday
    [InlineData("2027-04-14", false, false, false, AfterEndDue.Open)]      // app was down: opened late, still before due
    [InlineData("2027-04-15", false, false, false, AfterEndDue.Nothing)]   // never opened before due (installed later): not opened
    public void Each_task_is_opened_once_and_reminded_once(string today, bool opened, bool reminded, bool done, AfterEndDue expected) =>
        Assert.Equal(expected, AfterEndSchedule.Due(Plan, DateOnly.Parse(today), opened, reminded, done));
}
