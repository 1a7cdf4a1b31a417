using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class TmContingentTests
{
    private static readonly Measure Measure = DiaAm(D(2025, 1, 6), D(2025, 12, 31), contractedTm: 10m);

    [Fact]
    public void Consumed_counts_each_participation_up_to_its_exit_or_the_day()
    {
        var ps = new[] { Tn(P("15.01.2025"), P("31.01.2025")), Tn(P("01.03.2025")) };
        Assert.Equal(46, TmContingent.ConsumedDays(Measure, ps, P("31.03.2025")));
        Assert.Equal(46m / 30m, TmContingent.Consumed(Measure, ps, P("31.03.2025")));
        Assert.Equal(6, TmContingent.ConsumedDays(Measure, ps, P("20.01.2025")));
        Assert.Equal(0, TmContingent.ConsumedDays(Measure, ps, P("14.01.2025")));
        // After the exit the first participation stays at 16 days.
        Assert.Equal(16 + 10, TmContingent.ConsumedDays(Measure, ps, P("10.03.2025")));
    }

    [Fact]
    public void Remaining_is_contract_minus_consumed_exactly()
    {
        var ps = new[] { Tn(P("15.01.2025"), P("31.01.2025")), Tn(P("01.03.2025")) };
        Assert.Equal(254m / 30m, TmContingent.Remaining(Measure, ps, P("31.03.2025")));
        Assert.Equal(10m, TmContingent.Remaining(Measure, [], P("31.03.2025")));
    }

    [Fact]
    public void Consumption_is_clamped_to_the_measure_and_counts_a_full_December_as_one_TM()
    {
        var ps = new[] { Tn(P("01.12.2024"), P("31.01.2025")), Tn(P("01.12.2025")) };
        // 06.01.–31.01. = 25 days; 01.12.–31.12.2025 = 30 days (24 and 31 December do not reduce it); nothing after the end.
        Assert.Equal(25 + 30, TmContingent.ConsumedDays(Measure, ps, P("15.02.2026")));
    }

    [Fact]
    public void Remaining_can_go_negative_when_the_contingent_is_overdrawn()
    {
        var small = DiaAm(D(2025, 1, 1), D(2025, 12, 31), contractedTm: 1m);
        var ps = new[] { Tn(P("01.01.2025"), P("28.02.2025")) };
        Assert.Equal(-1m, TmContingent.Remaining(small, ps, P("31.03.2025")));
    }

    [Fact]
    public void Measures_without_contingent_refuse_in_German()
    {
        var e = Assert.Throws<DomainValidationException>(() => TmContingent.Remaining(Generic(D(2025, 1, 1), D(2025, 12, 31)), [], D(2025, 6, 1)));
        Assert.Equal("ContractedTm", e.Field);
        Assert.Contains("Teilnahmemonaten", e.Message);
    }

    [Fact]
    public void A_standard_stay_is_12_weeks_capped_at_the_measure_end()
    {
        Assert.Equal(P("30.03.2025"), DiaAmStay.StandardLastDay(Measure, P("06.01.2025")));
        // 06.–30.01. = 25, February 30, 01.–30.03. = 30.
        Assert.Equal(85, DiaAmStay.StandardDays(Measure, P("06.01.2025")));
        Assert.Equal(P("31.12.2025"), DiaAmStay.StandardLastDay(Measure, P("22.12.2025")));
        // 22.–30.12. = 9 days (the 24th counts like a weekend day); 31.12. weighs 0.
        Assert.Equal(9, DiaAmStay.StandardDays(Measure, P("22.12.2025")));
    }

    [Fact]
    public void Committed_days_project_active_participants_to_the_end_of_their_stay()
    {
        var ps = new[]
        {
            Tn(P("06.01.2025")), // no exit: to 30.03. = 85
            Tn(P("06.01.2025"), P("19.01.2025")), // left early: 14
            Tn(P("06.01.2025"), P("27.04.2025")), // extended by 4 weeks: 06.01.–27.04. = 25 + 30 + 30 + 27
        };
        Assert.Equal(85 + 14 + 112, TmContingent.CommittedDays(Measure, ps));
    }

    [Fact]
    public void Stays_available_is_what_the_rest_of_the_contingent_can_carry()
    {
        // 300 days; a stay from 06.01. is 85 days.
        Assert.Equal(3, TmContingent.StaysAvailable(Measure, [], 0, P("06.01.2025")));
        Assert.Equal(1, TmContingent.StaysAvailable(Measure, [], 2, P("06.01.2025")));
        Assert.Equal(0, TmContingent.StaysAvailable(Measure, [], 3, P("06.01.2025")));
        Assert.Equal(0, TmContingent.StaysAvailable(Measure, [], 9, P("06.01.2025")));
        // One active participant commits 85: 215 left = 2 stays.
        Assert.Equal(2, TmContingent.StaysAvailable(Measure, [Tn(P("06.01.2025"))], 0, P("06.01.2025")));
        // A short stay at the end of the year is cheap: 300 / 9 = 33.
        Assert.Equal(33, TmContingent.StaysAvailable(Measure, [], 0, P("22.12.2025")));
    }
}
