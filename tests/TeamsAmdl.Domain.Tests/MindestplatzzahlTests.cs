namespace TeamsAmdl.Domain.Tests;

public class MindestplatzzahlTests
{
    [Theory]
    [InlineData(1, 1)] [InlineData(2, 2)] [InlineData(3, 3)] [InlineData(4, 3)] [InlineData(5, 4)]
    [InlineData(6, 5)] [InlineData(7, 5)] [InlineData(8, 6)] [InlineData(9, 7)] [InlineData(10, 7)]
    [InlineData(11, 8)] [InlineData(12, 9)] [InlineData(13, 10)] [InlineData(14, 10)] [InlineData(15, 11)]
    [InlineData(16, 12)] [InlineData(17, 12)] [InlineData(18, 13)] [InlineData(19, 14)] [InlineData(20, 14)]
    public void Is_70_percent_rounded_up(int places, int minimum) => Assert.Equal(minimum, Mindestplatzzahl.For(places));

    [Fact]
    public void Agrees_with_ceiling_of_70_percent_for_large_numbers()
    {
        for (var n = 0; n <= 1000; n++)
            Assert.Equal((int)Math.Ceiling(n * 7m / 10m), Mindestplatzzahl.For(n));
    }

    [Fact]
    public void Ub_capacity_defaults_to_it() => Assert.Equal(10, Capacity.Create(MeasureKind.UbInbeq, 13).MinimumPlaces);
}
