using TeamsAmdl.Domain.Digest;
using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests.Digest;

public class DigestRulesTests
{
    private static readonly DateOnly Today = D(2026, 11, 18);

    private static DigestEntry E(string number, string team, MeasureKind kind, int free = 0, DateOnly? next = null, string? remarks = null,
        DigestInputState state = DigestInputState.Confirmed) =>
        new(number, "Titel " + number, team, team switch { "t-u25" => "Team U25", "t-nord" => "Team Ü25 Nord", _ => "Team Reha/SB" },
            kind, "Träger", "Ort", 10, 10 - free, free, next, remarks, state, "Betreuer");

    [Fact]
    public void Groups_by_team_name_then_kind_rows_by_number()
    {
        var entries = new[]
        {
            E("3", "t-nord", MeasureKind.Agh), E("2", "t-u25", MeasureKind.DiaAm), E("1", "t-u25", MeasureKind.Einkaufsmassnahme),
            E("5", "t-reha", MeasureKind.UbInbeq), E("4", "t-u25", MeasureKind.Einkaufsmassnahme),
        };
        var groups = DigestRules.Group(entries);
        Assert.Equal(["Team Reha/SB", "Team U25", "Team U25", "Team Ü25 Nord"], groups.Select(g => g.TeamName));
        Assert.Equal([MeasureKind.Einkaufsmassnahme, MeasureKind.DiaAm], groups.Where(g => g.TeamId == "t-u25").Select(g => g.Kind));
        Assert.Equal(["1", "4"], groups[1].Entries.Select(e => e.Number));
        Assert.Equal(["5", "1", "4", "2", "3"], DigestRules.Ordered(entries).Select(x => x.Entry.Number));
    }

    [Fact]
    public void Totals_and_soon_entry_dates()
    {
        var entries = new[]
        {
            E("1", "t-u25", MeasureKind.Agh, free: 3, next: Today.AddDays(14)),
            E("2", "t-u25", MeasureKind.Agh, free: 0, next: Today.AddDays(15)),
            E("3", "t-u25", MeasureKind.Agh, free: 2, next: Today.AddDays(-1), state: DigestInputState.Missing),
        };
        Assert.Equal(new DigestTotals(3, 5, 2, 1, 1), DigestTotals.Of(entries, Today));
        Assert.False(DigestRules.IsSoon(null, Today));
    }

    [Fact]
    public void Condense_keeps_what_matters_and_counts_the_rest_per_group()
    {
        var entries = new[]
        {
            E("1", "t-u25", MeasureKind.Agh, free: 1),
            E("2", "t-u25", MeasureKind.Agh),
            E("3", "t-u25", MeasureKind.Agh),
            E("4", "t-u25", MeasureKind.Agh, remarks: "Trägerwechsel"),
            E("5", "t-nord", MeasureKind.Agh, next: Today.AddDays(3)),
            E("6", "t-nord", MeasureKind.Agh, state: DigestInputState.Missing),
            E("7", "t-nord", MeasureKind.DiaAm),
        };
        var c = DigestRules.Condense(entries, Today);
        Assert.Equal(["1", "4", "5", "6"], c.Kept.Select(e => e.Number));
        Assert.Equal(2, c.Hidden[("t-u25", MeasureKind.Agh)]);
        Assert.Equal(1, c.Hidden[("t-nord", MeasureKind.DiaAm)]);
        Assert.Equal(3, c.HiddenCount);
        Assert.Equal(entries.Length, c.Kept.Count + c.HiddenCount);
    }

    [Fact]
    public void Missing_inputs_are_the_running_measures_without_an_answer()
    {
        var w = WeekKey.Parse("2026-W47");
        var running = Generic(D(2026, 1, 1), D(2026, 12, 31));
        var endsMonday = Generic(D(2026, 1, 1), D(2026, 11, 16)) with { Number = "M-2", Title = "Endet Montag" };
        var startsSunday = Generic(D(2026, 11, 22), D(2027, 3, 1)) with { Number = "M-3", Title = "Beginnt Sonntag" };
        var over = Generic(D(2026, 1, 1), D(2026, 11, 15)) with { Number = "M-4" };
        var future = Generic(D(2026, 11, 23), D(2027, 3, 1)) with { Number = "M-5" };
        var expected = MissingInputs.Expected([over, startsSunday, running, future, endsMonday], w);
        Assert.Equal(["M-2", "M-2025-001", "M-3"], expected.Select(m => m.Number));

        var missing = MissingInputs.Find(expected, new HashSet<string> { "M-2025-001" });
        Assert.Equal(["M-2", "M-3"], missing.Select(m => m.MeasureNumber));
        Assert.Equal("2 Meldungen fehlen noch: M-2 Endet Montag (Frau B), M-3 Beginnt Sonntag (Frau B).",
            MissingInputs.Describe(missing, _ => "Frau B"));
        Assert.Equal("2 Meldungen fehlen noch: M-2 Endet Montag (B) und 1 weitere.", MissingInputs.Describe(missing, _ => "B", max: 1));
        Assert.Equal("Alle Meldungen der Woche liegen vor.", MissingInputs.Describe([], _ => ""));
    }
}
