using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class CapacityChangeTests
{
    private static readonly DateOnly Today = D(2026, 11, 21);

    public static TheoryData<MeasureKind, int, int, CapacityRefusalKind?> Rows => new()
    {
        { MeasureKind.Einkaufsmassnahme, 12, 9, null },                                   // room to spare
        { MeasureKind.Einkaufsmassnahme, 9, 9, null },                                    // exactly full is fine
        { MeasureKind.Einkaufsmassnahme, 2, 9, CapacityRefusalKind.BelowOccupancy },      // 9 in use: overbooked
        { MeasureKind.Einkaufsmassnahme, 8, 9, CapacityRefusalKind.BelowOccupancy },      // one short
        { MeasureKind.Einkaufsmassnahme, 250, 0, null },                                  // the maximum itself
        { MeasureKind.Einkaufsmassnahme, 251, 0, CapacityRefusalKind.AboveMaximum },      // one above
        { MeasureKind.Einkaufsmassnahme, int.MaxValue, 9, CapacityRefusalKind.AboveMaximum }, // the probe of issue 12
        { MeasureKind.DiaAm, 150, 10, null },
        { MeasureKind.DiaAm, 151, 10, CapacityRefusalKind.AboveMaximum },
        { MeasureKind.UbInbeq, 300, 13, null },
        { MeasureKind.UbInbeq, 301, 13, CapacityRefusalKind.AboveMaximum },
        { MeasureKind.Agh, 500, 40, null },
        { MeasureKind.Agh, 501, 40, CapacityRefusalKind.AboveMaximum },
        { MeasureKind.LapProjekt, 251, 0, CapacityRefusalKind.AboveMaximum },
        { MeasureKind.Gutschein, 251, 0, CapacityRefusalKind.AboveMaximum },
        { MeasureKind.Agh, 1000, 2000, CapacityRefusalKind.AboveMaximum },               // both wrong: the maximum is named first
    };

    [Theory, MemberData(nameof(Rows))]
    public void Check_allows_or_refuses(MeasureKind kind, int places, int inUse, CapacityRefusalKind? expected) =>
        Assert.Equal(expected, CapacityChange.Check(kind, places, inUse)?.Kind);

    [Fact]
    public void The_refusals_name_the_numbers_in_German()
    {
        Assert.Equal("Die Platzzahl kann nicht auf 2 sinken: 9 Plätze sind belegt oder vorgemerkt.",
            CapacityChange.Check(MeasureKind.Einkaufsmassnahme, 2, 9)!.Message);
        Assert.Equal("2147483647 Plätze sind nicht plausibel: Eine Maßnahme der Art Einkaufsmaßnahme hat höchstens 250 Plätze.",
            CapacityChange.Check(MeasureKind.Einkaufsmassnahme, int.MaxValue, 0)!.Message);
    }

    public static TheoryData<string, int> InUseRows => new()
    {
        { "nobody", 0 },
        { "3 active, 2 held", 5 },
        { "3 active, one exits yesterday", 2 },
        { "2 active, one more enters next week (peak 3)", 3 },
        { "2 active, one leaves tomorrow and one enters next week (peak 2)", 2 },
    };

    [Theory, MemberData(nameof(InUseRows))]
    public void Places_in_use_are_the_peak_of_participants_from_today_plus_held_places(string situation, int expected)
    {
        var (participations, held) = Situation(situation);
        Assert.Equal(expected, CapacityChange.PlacesInUse(participations, held, Today));
    }

    private static (List<Participation> Participations, int Held) Situation(string situation) =>
        situation switch
        {
            "nobody" => ([], 0),
            "3 active, 2 held" => ([Tn(Today.AddDays(-10)), Tn(Today.AddDays(-5)), Tn(Today)], 2),
            "3 active, one exits yesterday" => ([Tn(Today.AddDays(-10)), Tn(Today.AddDays(-5)), Tn(Today.AddDays(-9), Today.AddDays(-1))], 0),
            "2 active, one more enters next week (peak 3)" => ([Tn(Today.AddDays(-10)), Tn(Today.AddDays(-5)), Tn(Today.AddDays(7))], 0),
            _ => ([Tn(Today.AddDays(-10)), Tn(Today.AddDays(-5), Today.AddDays(1)), Tn(Today.AddDays(7))], 0),
        };
}
