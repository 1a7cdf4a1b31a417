using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class MeasureDaysTests
{
    [Theory]
    [InlineData(2025, 12, 24)]
    [InlineData(2025, 12, 31)]
    [InlineData(2024, 12, 24)]
    [InlineData(2028, 12, 31)]
    public void Christmas_Eve_and_New_Years_Eve_are_never_measure_days(int y, int m, int d) =>
        Assert.False(MeasureDays.IsMeasureDay(D(y, m, d)));

    [Theory]
    [InlineData(2025, 12, 23)]
    [InlineData(2025, 12, 25)]
    [InlineData(2025, 12, 30)]
    [InlineData(2026, 1, 1)]
    [InlineData(2025, 1, 24)]
    [InlineData(2025, 1, 31)]
    [InlineData(2025, 3, 31)]
    public void Other_days_are_measure_days(int y, int m, int d) => Assert.True(MeasureDays.IsMeasureDay(D(y, m, d)));

    [Fact]
    public void Next_measure_day_moves_24_and_31_December_forward()
    {
        Assert.Equal(D(2025, 12, 25), MeasureDays.NextMeasureDay(D(2025, 12, 24)));
        Assert.Equal(D(2026, 1, 1), MeasureDays.NextMeasureDay(D(2025, 12, 31)));
        Assert.Equal(D(2025, 12, 23), MeasureDays.NextMeasureDay(D(2025, 12, 23)));
    }

    [Fact]
    public void Counting_days_skips_24_and_31_December()
    {
        Assert.Equal(29, MeasureDays.CountBetween(D(2025, 12, 1), D(2025, 12, 31)));
        Assert.Equal(2, MeasureDays.ExcludedDaysBetween(D(2025, 12, 24), D(2025, 12, 31)));
        Assert.Equal(365 - 2 + 366 - 2, MeasureDays.CountBetween(D(2023, 1, 1), D(2024, 12, 31)));
        Assert.Equal(31, MeasureDays.CountBetween(D(2025, 1, 1), D(2025, 1, 31)));
        Assert.Equal(0, MeasureDays.CountBetween(D(2025, 12, 24), D(2025, 12, 24)));
        Assert.Equal(0, MeasureDays.CountBetween(D(2025, 2, 1), D(2025, 1, 31)));
    }
}
