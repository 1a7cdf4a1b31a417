using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Measures;

namespace TeamsAmdl.Functions.Tests.Measures;

/// <summary>MeasureEditRules: which edits would strand what a measure already holds (R-CAP-1…4). Table-driven.</summary>
public sealed class MeasureEditRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static Measure Make(MeasureKind kind, DateOnly start, DateOnly end, int places = 12, decimal? tm = null) =>
        Measure.Create("962-T", "Test", kind, "§", "tr", "Ort", start, end,
            kind == MeasureKind.DiaAm ? Capacity.Create(kind, places, averageOccupancy: places, contractedTm: tm ?? 100) : Capacity.Create(kind, places),
            null, "b", "k", "t");

    private static Participation P(string entry, string? exit = null) =>
        new("962-T", "TN-0001-AB", DateOnly.Parse(entry), exit is null ? null : DateOnly.Parse(exit));

    public static TheoryData<string, Measure, Measure, Participation[], string[], string?> Cases()
    {
        var e = MeasureKind.Einkaufsmassnahme;
        var start = new DateOnly(2026, 10, 5);
        var end = new DateOnly(2027, 9, 30);
        var dia = Make(MeasureKind.DiaAm, start, end, 10, 100);
        var ub = Make(MeasureKind.UbInbeq, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), 13);
        return new()
        {
            // Fewer places than the three participants in: refused as below occupancy.
            { "places below use", Make(e, start, end), Make(e, start, end, 2), [P("2026-10-05"), P("2026-10-06"), P("2026-11-01")], [], "places" },
            // Exactly the places in use: allowed.
            { "places equal use", Make(e, start, end), Make(e, start, end, 3), [P("2026-10-05"), P("2026-10-06"), P("2026-11-01")], [], null },
            // Held places count too (2 in, 1 held).
            { "held places count", Make(e, start, end), Make(e, start, end, 2), [P("2026-10-05"), P("2026-10-06")], ["2026-12-01"], "places" },
            // The start may not pass the first entry; ended participations count.
            { "start after entry", Make(e, start, end), Make(e, start.AddDays(7), end), [P("2026-10-05", "2026-10-20")], [], "start" },
            // An earlier start is fine.
            { "earlier start", Make(e, start, end), Make(e, start.AddDays(-7), end), [P("2026-10-05")], [], null },
            // The end may not fall before a recorded exit.
            { "end before exit", Make(e, start, end), Make(e, start, new DateOnly(2026, 11, 30)), [P("2026-10-05", "2026-12-15")], [], "end" },
            // Nor before today while someone is in without exit.
            { "end before today, active", Make(e, start, end), Make(e, start, new DateOnly(2026, 11, 1)), [P("2026-10-05")], [], "end" },
            // DIA-AM: shifting the start by 7 days moves the grid off the recorded entry of 19.10.
            { "DIA-AM grid moved", dia, Make(MeasureKind.DiaAm, start.AddDays(-7), end, 10, 100), [P("2026-10-19")], [], "start" },
            // …by 14 days keeps it (19.10. stays a grid day).
            { "DIA-AM grid kept", dia, Make(MeasureKind.DiaAm, start.AddDays(-14), end, 10, 100), [P("2026-10-19")], [], null },
            // DIA-AM: a held entry date off the new grid.
            { "DIA-AM held off grid", dia, Make(MeasureKind.DiaAm, start.AddDays(-7), end, 10, 100), [], ["2026-11-30"], "start" },
            // DIA-AM: contingent below one committed 12-week stay (3 TM).
            { "DIA-AM contingent", dia, Make(MeasureKind.DiaAm, start, end, 10, 1), [P("2026-10-05")], [], "teilnahmemonate" },
            // UB: the end pulled before a held entry in month 11 moves the intake deadline before it.
            { "UB intake", ub, Make(MeasureKind.UbInbeq, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 15), 13), [], ["2026-11-20"], "end" },
            // UB: a later end keeps every entry in the window.
            { "UB later end", ub, Make(MeasureKind.UbInbeq, new DateOnly(2026, 1, 1), new DateOnly(2029, 6, 30), 13), [P("2026-02-01")], ["2026-12-01"], null },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refuses_edits_that_strand_what_is_recorded(string _, Measure old, Measure updated, Participation[] participations,
        string[] held, string? refusedField)
    {
        var verdict = MeasureEditRules.Check(old, updated, participations, held.Select(DateOnly.Parse).ToList(), Today);
        if (refusedField is null) Assert.True(verdict.Allowed, string.Join("; ", verdict.Errors.Select(x => x.Message)));
        else Assert.Contains(verdict.Errors, x => x.Field == refusedField);
    }
}
