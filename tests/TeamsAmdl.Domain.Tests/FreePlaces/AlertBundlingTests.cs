namespace TeamsAmdl.Domain.Tests.FreePlaces;

public class AlertBundlingTests
{
    private static DateTimeOffset Berlin(int y, int mo, int d, int h, int mi) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Unspecified), BerlinCalendar.Zone), TimeSpan.Zero);

    [Fact]
    public void The_card_goes_out_when_the_window_ends_within_working_hours()
    {
        var t = Berlin(2026, 11, 23, 10, 0);
        Assert.Equal(t.AddMinutes(10), AlertBundling.SendAt(t, TimeSpan.FromMinutes(10), WorkingHours.Default));
    }

    [Fact]
    public void A_window_ending_after_hours_is_queued_until_the_next_working_morning()
    {
        Assert.Equal(Berlin(2026, 11, 23, 7, 30), AlertBundling.SendAt(Berlin(2026, 11, 20, 16, 55), TimeSpan.FromMinutes(10), WorkingHours.Default));
        Assert.Equal(Berlin(2026, 11, 23, 7, 30), AlertBundling.SendAt(Berlin(2026, 11, 21, 11, 0), TimeSpan.Zero, WorkingHours.Default));
    }

    [Fact]
    public void A_bundle_lists_each_measure_once_with_live_free_places_most_first()
    {
        var t0 = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var pending = new[]
        {
            new PendingAlert("M-1", "Exit|a", t0),
            new PendingAlert("M-2", "Exit|b", t0.AddMinutes(1)),
            new PendingAlert("M-1", "Abbruch|c", t0.AddMinutes(2)), // same measure again: one entry, the newest change
            new PendingAlert("M-3", "CapacityChange|d", t0.AddMinutes(3)),
            new PendingAlert("M-4", "Exit|e", t0.AddMinutes(4)),
        };
        var free = new Dictionary<string, int> { ["M-1"] = 1, ["M-2"] = 3, ["M-3"] = 0, ["M-4"] = 2 };
        var bundle = AlertBundling.Bundle(pending, n => free[n], maxPerCard: 5);
        Assert.Equal(["M-2", "M-4", "M-1"], bundle.Items.Select(i => i.MeasureNumber)); // M-3 was taken meanwhile: dropped
        Assert.Equal("Abbruch|c", bundle.Items.Single(i => i.MeasureNumber == "M-1").ChangeKey);
        Assert.Equal(0, bundle.LeftOut);

        var small = AlertBundling.Bundle(pending, n => free[n], maxPerCard: 2);
        Assert.Equal(["M-2", "M-4"], small.Items.Select(i => i.MeasureNumber));
        Assert.Equal(1, small.LeftOut);
    }

    [Fact]
    public void The_daily_cap_postpones_to_the_next_working_morning()
    {
        var cap = AlertDailyCap.Create(3);
        var friday = Berlin(2026, 11, 20, 10, 0);
        Assert.Null(cap.Deferral(2, friday, WorkingHours.Default));
        Assert.Equal(Berlin(2026, 11, 23, 7, 30), cap.Deferral(3, friday, WorkingHours.Default));
        Assert.Equal(Berlin(2026, 11, 24, 7, 30), cap.Deferral(5, Berlin(2026, 11, 23, 6, 0), WorkingHours.Default));
        Assert.Throws<DomainValidationException>(() => AlertDailyCap.Create(0));
    }
}
