using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class ParticipationExtensionTests
{
    private static readonly Measure Dia = DiaAm(P("05.01.2026"), P("31.12.2027"));
    private static readonly Measure UbMeasure = Ub(P("01.01.2026"), P("31.12.2029"));

    [Theory]
    // DIA-AM entry 05.01.2026: standard last day 29.03.2026 (12 weeks), latest 26.04.2026 (+ 4 weeks).
    [InlineData("30.03.2026", null)]                     // one day more
    [InlineData("26.04.2026", null)]                     // the full 4 weeks
    [InlineData("27.04.2026", "bis längstens 26.04.2026")] // one day too many
    [InlineData("29.03.2026", "nach dem regulären Ende")] // no extension at all
    public void DiaAm_stays_extend_by_at_most_4_weeks(string until, string? refusal)
    {
        var message = ParticipationExtension.Check(Dia, Tn(P("05.01.2026")), P(until));
        if (refusal is null) Assert.Null(message);
        else Assert.Contains(refusal, message);
    }

    [Theory]
    // UB entry 01.02.2026: standard last day 31.01.2028 (24 months), latest 31.01.2029 (+ 12 months).
    [InlineData("31.01.2029", null)]
    [InlineData("01.02.2029", "höchstens 12 Monate")]
    [InlineData("31.01.2028", "nach dem regulären Ende")]
    public void Ub_stays_extend_by_at_most_12_months(string until, string? refusal)
    {
        var message = ParticipationExtension.Check(UbMeasure, Tn(P("01.02.2026")), P(until));
        if (refusal is null) Assert.Null(message);
        else Assert.Contains(refusal, message);
    }

    [Fact]
    public void Never_beyond_the_measure_end_nor_for_exited_participants_nor_other_kinds()
    {
        var shortDia = DiaAm(P("05.01.2026"), P("10.04.2026"));
        Assert.Contains("Maßnahmeende (10.04.2026)", ParticipationExtension.Check(shortDia, Tn(P("05.01.2026")), P("20.04.2026")));
        Assert.Contains("bereits zum 01.02.2026 ausgetreten", ParticipationExtension.Check(Dia, Tn(P("05.01.2026"), P("01.02.2026")), P("20.04.2026")));
        Assert.Contains("nur bei DIA-AM", ParticipationExtension.Check(Generic(P("01.01.2026"), P("31.12.2026")), Tn(P("05.01.2026")), P("20.04.2026")));
    }

    [Fact]
    public void An_extension_moves_the_projected_DiaAm_end()
    {
        var p = Tn(P("05.01.2026")) with { PlannedEnd = P("12.04.2026") };
        Assert.Equal(P("12.04.2026"), DiaAmStay.ProjectedLastDay(Dia, p));
        Assert.True(DiaAmStay.IsActiveOn(Dia, p, P("10.04.2026")));
        Assert.Equal(P("29.03.2026"), DiaAmStay.ProjectedLastDay(Dia, p with { PlannedEnd = null }));
    }
}
