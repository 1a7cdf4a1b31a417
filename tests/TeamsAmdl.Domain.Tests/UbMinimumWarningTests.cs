using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class UbMinimumWarningTests
{
    private static readonly Measure UbMeasure = Ub(D(2025, 3, 1), D(2027, 2, 28), places: 13); // Mindestplatzzahl 10

    [Fact]
    public void Warns_when_occupancy_is_below_the_Mindestplatzzahl_in_the_first_12_months()
    {
        var w = UbMinimumWarning.Check(UbMeasure, 9, P("01.03.2025"));
        Assert.NotNull(w);
        Assert.Equal(10, w.MinimumPlaces);
        Assert.Equal(1, w.Unused);
        Assert.Equal(P("28.02.2026"), w.PaidUntil);
        Assert.Equal("Die Belegung (9) liegt unter der Mindestplatzzahl (10). Bis 28.02.2026 bezahlt das Jobcenter 10 Plätze, " +
                     "auch wenn sie nicht belegt sind: 1 ungenutzt.", w.Message);
        Assert.NotNull(UbMinimumWarning.Check(UbMeasure, 0, P("28.02.2026")));
    }

    [Fact]
    public void No_warning_at_or_above_the_minimum()
    {
        Assert.Null(UbMinimumWarning.Check(UbMeasure, 10, P("01.06.2025")));
        Assert.Null(UbMinimumWarning.Check(UbMeasure, 13, P("01.06.2025")));
    }

    [Fact]
    public void No_warning_outside_the_first_12_months()
    {
        Assert.Null(UbMinimumWarning.Check(UbMeasure, 0, P("01.03.2026")));
        Assert.Null(UbMinimumWarning.Check(UbMeasure, 0, P("28.02.2025")));
    }

    [Fact]
    public void Uses_an_explicit_Mindestplatzzahl_from_the_Losblatt()
    {
        var m = Measure(MeasureKind.UbInbeq, D(2025, 3, 1), D(2027, 2, 28), Capacity.Create(MeasureKind.UbInbeq, 13, minimumPlaces: 12));
        Assert.Equal(12, UbMinimumWarning.Check(m, 11, P("01.06.2025"))!.MinimumPlaces);
        Assert.Null(UbMinimumWarning.Check(m, 12, P("01.06.2025")));
    }

    [Fact]
    public void Only_for_ub()
    {
        Assert.Null(UbMinimumWarning.Check(Generic(D(2025, 3, 1), D(2027, 2, 28), places: 13), 0, P("01.06.2025")));
        Assert.Null(UbMinimumWarning.Check(DiaAm(D(2025, 3, 1), D(2027, 2, 28)), 0, P("01.06.2025")));
    }
}
