using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests;

public class CapacityValidationTests
{
    [Fact]
    public void Negative_places_are_refused_in_German()
    {
        var e = Assert.Throws<DomainValidationException>(() => Capacity.Create(MeasureKind.UbInbeq, -1));
        Assert.Equal("Places", e.Field);
        Assert.Equal("Die Platzzahl darf nicht negativ sein.", e.Message);
    }

    [Fact]
    public void Negative_Gesamtplatzzahl_is_refused_by_Mindestplatzzahl()
    {
        var e = Assert.Throws<DomainValidationException>(() => Mindestplatzzahl.For(-3));
        Assert.Contains("negativ", e.Message);
    }

    [Fact]
    public void Mindestplatzzahl_above_Gesamtplatzzahl_is_refused()
    {
        var e = Assert.Throws<DomainValidationException>(() => Capacity.Create(MeasureKind.UbInbeq, 10, minimumPlaces: 11));
        Assert.Equal("MinimumPlaces", e.Field);
        Assert.Equal("Die Mindestplatzzahl (11) darf nicht größer sein als die Gesamtplatzzahl (10).", e.Message);
    }

    [Fact]
    public void Mindestplatzzahl_equal_to_Gesamtplatzzahl_is_fine() =>
        Assert.Equal(10, Capacity.Create(MeasureKind.UbInbeq, 10, minimumPlaces: 10).MinimumPlaces);

    [Fact]
    public void End_before_start_is_refused()
    {
        var e = Assert.Throws<DomainValidationException>(() => Generic(D(2025, 3, 1), D(2025, 2, 28)));
        Assert.Equal("End", e.Field);
        Assert.Equal("Das Maßnahmeende (28.02.2025) liegt vor dem Beginn (01.03.2025).", e.Message);
    }

    [Fact]
    public void A_one_day_measure_is_fine() => Assert.Equal(D(2025, 3, 1), Generic(D(2025, 3, 1), D(2025, 3, 1)).End);

    [Fact]
    public void Dia_am_needs_average_occupancy_and_contingent()
    {
        Assert.Equal("AverageOccupancy",
            Assert.Throws<DomainValidationException>(() => Capacity.Create(MeasureKind.DiaAm, 12, contractedTm: 100m)).Field);
        Assert.Equal("ContractedTm",
            Assert.Throws<DomainValidationException>(() => Capacity.Create(MeasureKind.DiaAm, 12, averageOccupancy: 10)).Field);
        Assert.Equal("ContractedTm",
            Assert.Throws<DomainValidationException>(() => Capacity.Create(MeasureKind.DiaAm, 12, averageOccupancy: 10, contractedTm: -1m)).Field);
        Assert.Equal("AverageOccupancy",
            Assert.Throws<DomainValidationException>(() => Capacity.Create(MeasureKind.DiaAm, 12, averageOccupancy: 13, contractedTm: 1m)).Field);
    }
}
