using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Domain.Tests.Ratings;

public class ReminderScheduleTests
{
    private static readonly DateOnly Sent = new(2026, 11, 2);
    private static readonly DateOnly Deadline = new(2026, 11, 30);

    [Fact]
    public void Deadline_is_sent_plus_4_weeks_in_Berlin()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), RatingDeadline.For(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        // 23:30 UTC on 1 Nov is already 2 Nov in Berlin.
        Assert.Equal(new DateOnly(2026, 11, 30), RatingDeadline.For(new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.Zero)));
        Assert.False(RatingDeadline.IsOverdue(Deadline, Deadline));
        Assert.True(RatingDeadline.IsOverdue(Deadline, Deadline.AddDays(1)));
    }

    [Theory]
    [InlineData(2026, 11, 15, null, "")]        // 15 days before: nothing
    [InlineData(2026, 11, 16, "14", "")]        // 14 days before
    [InlineData(2026, 11, 17, null, "14")]        // already sent
    [InlineData(2026, 11, 23, "7", "14")]       // 7 days before
    [InlineData(2026, 11, 29, "1", "14,7")]     // 1 day before
    [InlineData(2026, 11, 30, "1", "14,7")]     // missed yesterday: caught up on the deadline day
    [InlineData(2026, 11, 30, null, "14,7,1")]  // deadline day, all sent
    [InlineData(2026, 11, 24, "7", "")]         // 14 missed entirely: only the latest due one
    [InlineData(2026, 11, 20, null, "7")]       // never a 14 after the 7
    public void Reminders_14_7_1_days_before(int y, int m, int d, string? expectedSlot, string sent)
    {
        var sentSlots = sent.Length == 0 ? [] : sent.Split(',').Select(int.Parse).ToList();
        var due = ReminderSchedule.Due(Sent, Deadline, new DateOnly(y, m, d), sentSlots, overdueSent: false);
        if (expectedSlot is null) Assert.IsType<ReminderDue.Nothing>(due);
        else
        {
            var r = Assert.IsType<ReminderDue.Reminder>(due);
            Assert.Equal(int.Parse(expectedSlot), r.Slot);
            Assert.Equal(Deadline.DayNumber - new DateOnly(y, m, d).DayNumber, r.DaysLeft);
        }
    }

    [Fact]
    public void After_the_deadline_one_overdue_card()
    {
        var o = Assert.IsType<ReminderDue.Overdue>(ReminderSchedule.Due(Sent, Deadline, Deadline.AddDays(1), [14, 7, 1], false));
        Assert.Equal(1, o.DaysOverdue);
        Assert.IsType<ReminderDue.Nothing>(ReminderSchedule.Due(Sent, Deadline, Deadline.AddDays(3), [14, 7, 1], true));
        // Overdue even if reminders were never sent (job down for weeks).
        Assert.IsType<ReminderDue.Overdue>(ReminderSchedule.Due(Sent, Deadline, Deadline.AddDays(5), [], false));
    }

    [Fact]
    public void A_slot_on_or_before_the_sending_day_is_skipped()
    {
        // Sent 10 days before the deadline (e.g. a request moved): the 14-day slot is never due, the 7-day one is.
        var sent = Deadline.AddDays(-10);
        Assert.IsType<ReminderDue.Nothing>(ReminderSchedule.Due(sent, Deadline, sent, [], false));
        Assert.IsType<ReminderDue.Nothing>(ReminderSchedule.Due(sent, Deadline, Deadline.AddDays(-8), [], false));
        Assert.Equal(7, Assert.IsType<ReminderDue.Reminder>(ReminderSchedule.Due(sent, Deadline, Deadline.AddDays(-7), [], false)).Slot);
    }

    [Fact]
    public void Daily_run_over_the_whole_period_sends_exactly_three_reminders_and_one_overdue()
    {
        var sentSlots = new List<int>();
        var overdue = 0;
        for (var day = Sent; day <= Deadline.AddDays(10); day = day.AddDays(1))
        {
            for (var run = 0; run < 3; run++) // several runs a day change nothing
            {
                switch (ReminderSchedule.Due(Sent, Deadline, day, sentSlots, overdue > 0))
                {
                    case ReminderDue.Reminder r: sentSlots.Add(r.Slot); break;
                    case ReminderDue.Overdue: overdue++; break;
                }
            }
        }
        Assert.Equal([14, 7, 1], sentSlots);
        Assert.Equal(1, overdue);
    }
}
