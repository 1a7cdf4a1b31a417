using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests.FreePlaces;

public class FreePlaceTriggerTests
{
    private static readonly DateOnly Today = D(2026, 6, 15);

    private static (Measure M, List<Participation> Tn) Full(int places = 3)
    {
        var m = Generic(D(2026, 1, 1), D(2026, 12, 31), places);
        return (m, Enumerable.Range(0, places).Select(_ => Tn(D(2026, 2, 1))).ToList());
    }

    [Theory]
    [InlineData(FreePlaceTrigger.Exit)]
    [InlineData(FreePlaceTrigger.Abbruch)]
    public void An_exit_or_Abbruch_that_frees_a_place_alerts(FreePlaceTrigger trigger)
    {
        var (m, tn) = Full();
        var from = Today.AddDays(1); // last day today, place free tomorrow
        var before = FreePlaceSnapshot.Take(m, tn, 0, Today, from);
        tn[0] = tn[0] with { Exit = Today, ExitReason = trigger == FreePlaceTrigger.Abbruch ? ExitReason.Abbruch : ExitReason.RegulaeresEnde };
        var after = FreePlaceSnapshot.Take(m, tn, 0, Today, from);
        var d = FreePlaceTriggers.Evaluate(trigger, before, after);
        Assert.True(d.Alert, d.Reason);
        Assert.Equal(1, after.Free);
        Assert.Equal(from, after.EntryDate);
    }

    [Fact]
    public void Nichtantritt_releasing_a_held_place_alerts()
    {
        var (m, tn) = Full(4);
        tn.RemoveAt(0); // 3 active, 1 held by the customer who does not start
        var before = FreePlaceSnapshot.Take(m, tn, 1, Today);
        var after = FreePlaceSnapshot.Take(m, tn, 0, Today);
        Assert.True(FreePlaceTriggers.Evaluate(FreePlaceTrigger.Nichtantritt, before, after).Alert);
        Assert.True(FreePlaceTriggers.Evaluate(FreePlaceTrigger.PlaceReleased, before, after).Alert);
    }

    [Fact]
    public void A_capacity_increase_alerts_and_a_decrease_does_not()
    {
        var (m, tn) = Full(3);
        var before = FreePlaceSnapshot.Take(m, tn, 0, Today);
        var bigger = m with { Capacity = Capacity.Create(m.Kind, 5) };
        Assert.True(FreePlaceTriggers.Evaluate(FreePlaceTrigger.CapacityChange, before, FreePlaceSnapshot.Take(bigger, tn, 0, Today)).Alert);

        var roomy = Generic(D(2026, 1, 1), D(2026, 12, 31), 10);
        var beforeRoomy = FreePlaceSnapshot.Take(roomy, tn, 0, Today);
        var smaller = roomy with { Capacity = Capacity.Create(roomy.Kind, 8) };
        var d = FreePlaceTriggers.Evaluate(FreePlaceTrigger.CapacityChange, beforeRoomy, FreePlaceSnapshot.Take(smaller, tn, 0, Today));
        Assert.False(d.Alert); // still 5 free, but fewer than before: nothing new to announce
        Assert.Contains("keinen Platz frei gemacht", d.Reason);
    }

    [Fact]
    public void No_alert_when_nothing_is_free_after_the_change()
    {
        var (m, tn) = Full(3);
        var s = FreePlaceSnapshot.Take(m, tn, 0, Today);
        foreach (var t in Enum.GetValues<FreePlaceTrigger>())
            Assert.False(FreePlaceTriggers.Evaluate(t, s, s).Alert);
    }

    [Theory]
    [InlineData(FreePlaceTrigger.OpenedForAssignment)]
    [InlineData(FreePlaceTrigger.WeeklyInput)]
    [InlineData(FreePlaceTrigger.DiaAmEntryDate)]
    public void Status_events_alert_whenever_places_are_free(FreePlaceTrigger trigger)
    {
        var m = Generic(D(2026, 1, 1), D(2026, 12, 31), 5);
        var s = FreePlaceSnapshot.Take(m, [Tn(D(2026, 2, 1))], 0, Today);
        Assert.True(FreePlaceTriggers.Evaluate(trigger, s, s).Alert);
        Assert.True(FreePlaceTriggers.Evaluate(trigger, null, s).Alert);
        Assert.False(FreePlaceTriggers.FreesPlaces(trigger));
    }

    [Theory]
    // UB from 01.03.2025, intake until 28.02.2026. An exit whose place is free from …
    [InlineData("28.02.2026", true)]  // … the last intake day: still offered
    [InlineData("01.03.2026", false)] // … the day after: the window has closed, no alert
    public void Ub_exit_alerts_only_while_the_12_month_window_is_open(string freeFrom, bool alert)
    {
        var ub = Ub(D(2025, 3, 1), D(2028, 2, 29), places: 2);
        var tn = new List<Participation> { Tn(D(2025, 3, 1)), Tn(D(2025, 3, 1)) };
        var from = P(freeFrom);
        var today = D(2026, 2, 20);
        var before = FreePlaceSnapshot.Take(ub, tn, 0, today, from);
        tn[1] = tn[1] with { Exit = from.AddDays(-1), ExitReason = ExitReason.Abbruch };
        var after = FreePlaceSnapshot.Take(ub, tn, 0, today, from);
        var d = FreePlaceTriggers.Evaluate(FreePlaceTrigger.Abbruch, before, after);
        Assert.Equal(alert, d.Alert);
        if (!alert) Assert.Contains("28.02.2026", d.Reason);
    }

    [Fact]
    public void Dia_am_alert_names_the_entry_date_and_is_capped_by_the_contingent()
    {
        // 12 places, 11 active: one place by capacity. The contingent is exhausted: no alert.
        var start = D(2026, 1, 5);
        var tn = Enumerable.Range(0, 11).Select(_ => Tn(start)).ToList();
        var exhausted = DiaAm(start, D(2026, 12, 31), maxOccupancy: 12, average: 10, contractedTm: 31m);
        var free = FreePlaceSnapshot.Take(exhausted, tn, 0, D(2026, 1, 10));
        Assert.Equal(0, free.Free);
        Assert.False(FreePlaceTriggers.Evaluate(FreePlaceTrigger.DiaAmEntryDate, null, free).Alert);

        var enough = DiaAm(start, D(2026, 12, 31), maxOccupancy: 12, average: 10, contractedTm: 100m);
        var s = FreePlaceSnapshot.Take(enough, tn, 0, D(2026, 1, 10));
        Assert.Equal(1, s.Free);
        Assert.Equal(D(2026, 1, 19), s.EntryDate);
        Assert.True(FreePlaceTriggers.Evaluate(FreePlaceTrigger.DiaAmEntryDate, null, s).Alert);
    }

    [Fact]
    public void Upcoming_dia_am_entry_dates_are_announced_within_the_lead_time_only()
    {
        var m = DiaAm(D(2026, 1, 5), D(2026, 12, 31)); // entry dates 05.01., 19.01., 02.02., …
        Assert.Equal(D(2026, 1, 19), FreePlaceTriggers.UpcomingDiaAmEntryDate(m, D(2026, 1, 12)));
        Assert.Equal(D(2026, 1, 19), FreePlaceTriggers.UpcomingDiaAmEntryDate(m, D(2026, 1, 19)));
        Assert.Null(FreePlaceTriggers.UpcomingDiaAmEntryDate(m, D(2026, 1, 11)));
        Assert.Null(FreePlaceTriggers.UpcomingDiaAmEntryDate(Generic(D(2026, 1, 1), D(2026, 12, 31)), D(2026, 1, 12)));
    }

    [Fact]
    public void Each_change_has_its_own_key_so_one_change_alerts_once()
    {
        Assert.Equal("opened", FreePlaceTriggers.ChangeKey(FreePlaceTrigger.OpenedForAssignment, "x"));
        Assert.Equal("Abbruch|TN-0001-AB|2026-06-15", FreePlaceTriggers.ChangeKey(FreePlaceTrigger.Abbruch, "TN-0001-AB|2026-06-15"));
        Assert.NotEqual(FreePlaceTriggers.ChangeKey(FreePlaceTrigger.Exit, "a"), FreePlaceTriggers.ChangeKey(FreePlaceTrigger.Abbruch, "a"));
        Assert.Equal("2026-W25", FreePlaceTriggers.WeekKey(D(2026, 6, 15)));
        Assert.Equal("2026-W53", FreePlaceTriggers.WeekKey(D(2027, 1, 1))); // 1 Jan 2027 belongs to ISO week 53 of 2026
    }
}
