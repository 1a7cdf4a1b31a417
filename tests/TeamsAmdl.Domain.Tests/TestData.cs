namespace TeamsAmdl.Domain.Tests;

internal static class TestData
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>dd.MM.yyyy → DateOnly, for readable vectors.</summary>
    public static DateOnly P(string ddMMyyyy) => DateOnly.ParseExact(ddMMyyyy, "dd.MM.yyyy");

    public static Measure Measure(MeasureKind kind, DateOnly start, DateOnly end, Capacity capacity, EntryModel? entryModel = null) =>
        Domain.Measure.Create("M-2025-001", "Testmaßnahme", kind, "§ 45 SGB III", "traeger-1", "Musterstadt", start, end,
            capacity, entryModel, "betreuer-1", "koordinator-1", "team-1");

    public static Measure Ub(DateOnly start, DateOnly end, int places = 13) =>
        Measure(MeasureKind.UbInbeq, start, end, Capacity.Create(MeasureKind.UbInbeq, places));

    public static Measure DiaAm(DateOnly start, DateOnly end, int maxOccupancy = 12, int average = 10, decimal contractedTm = 100m) =>
        Measure(MeasureKind.DiaAm, start, end, Capacity.Create(MeasureKind.DiaAm, maxOccupancy, averageOccupancy: average, contractedTm: contractedTm));

    public static Measure Generic(DateOnly start, DateOnly end, int places = 10) =>
        Measure(MeasureKind.Einkaufsmassnahme, start, end, Capacity.Create(MeasureKind.Einkaufsmassnahme, places));

    private static int _seq;

    public static Participation Tn(DateOnly entry, DateOnly? exit = null) =>
        new("M-2025-001", $"TN-{Interlocked.Increment(ref _seq):D4}-AB", entry, exit);
}
