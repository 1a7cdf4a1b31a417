using TeamsAmdl.Functions.Delivery;
using TeamsAmdl.Functions.Ratings;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>When the tab says the next automatic reminder goes out (issue 14, honest timing), and how it says it.</summary>
public sealed class RatingReminderTimingTests
{
    private static readonly DateOnly Sent = new(2026, 11, 21), Deadline = new(2026, 12, 19); // slots: 05.12., 12.12., 18.12.

    [Theory]
    // now (UTC)             slots sent  expected next run (UTC), or null
    [InlineData("2026-11-21T10:00:00Z", "", "2026-12-05T06:00:00Z")]   // just sent: the 14-day slot, first run that day
    [InlineData("2026-12-05T05:00:00Z", "", "2026-12-05T06:00:00Z")]   // due today, before the first run
    [InlineData("2026-12-05T09:30:00Z", "", "2026-12-05T10:00:00Z")]   // due today and not yet sent: the next hourly run
    [InlineData("2026-12-05T16:30:00Z", "", "2026-12-06T06:00:00Z")]   // after the last run of the day: tomorrow's first
    [InlineData("2026-12-05T09:30:00Z", "14", "2026-12-12T06:00:00Z")] // sent today: the 7-day slot
    [InlineData("2026-12-18T12:00:00Z", "14,7,1", null)]               // all sent: only the overdue card is left
    public void Next_reminder(string now, string sent, string? expected)
    {
        var slots = sent.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var next = RatingReminderTiming.Next(Sent, Deadline, slots, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("2026-11-21T10:00:00Z", "2026-11-23T06:30:00Z", "zugestellt ab Mo 23.11.2026, 07:30 Uhr")] // winter time
    [InlineData("2026-07-03T18:00:00Z", "2026-07-06T05:30:00Z", "zugestellt ab Mo 06.07.2026, 07:30 Uhr")] // summer time
    [InlineData("2026-11-21T10:00:00Z", "2026-11-21T10:00:30Z", "wird sofort zugestellt")]                // within a minute: now
    public void Delivery_text(string now, string at, string expected)
    {
        static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DeliveryTime.At(Parse(at), Parse(now)).Delivery);
    }
}
