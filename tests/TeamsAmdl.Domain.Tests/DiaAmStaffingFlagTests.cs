using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class DiaAmStaffingFlagTests
{
    [Theory]
    [InlineData(10, 12, false)] // exactly 120 %: no more staff needed
    [InlineData(10, 13, true)]
    [InlineData(5, 6, false)]
    [InlineData(5, 7, true)]
    [InlineData(8, 9, false)] // 112.5 %
    [InlineData(8, 10, true)] // 125 %
    public void Flags_occupancy_above_120_percent_of_the_average(int average, int occupancy, bool flagged)
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), maxOccupancy: 20, average: average);
        Assert.Equal(flagged, DiaAmStaffingFlag.Check(m, occupancy, P("03.02.2025")) is not null);
    }

    [Fact]
    public void Requires_staff_by_the_key_within_4_weeks()
    {
        var m = DiaAm(D(2025, 1, 6), D(2025, 12, 31), maxOccupancy: 20, average: 10);
        var flag = DiaAmStaffingFlag.Check(m, 13, P("03.02.2025"))!;
        Assert.Equal(P("03.03.2025"), flag.StaffRequiredBy);
        Assert.Equal(3, flag.SozialpaedagogenRequired);
        Assert.Equal(2, flag.PsychologenRequired);
        Assert.Contains("mehr als 20 % über der Durchschnittsbelegung (10)", flag.Message);
        Assert.Contains("bis 03.03.2025", flag.Message);
    }

    [Fact]
    public void Only_for_dia_am() => Assert.Null(DiaAmStaffingFlag.Check(Ub(D(2025, 1, 6), D(2026, 12, 31)), 100, P("03.02.2025")));
}
