using TeamsAmdl.Domain.Deadlines;

namespace TeamsAmdl.Domain.Tests.Deadlines;

/// <summary>
/// UB LuV at the end of the Einstiegs-, Qualifizierungs- and Stabilisierungsphase and after 12 months while in the
/// Qualifizierungsphase (R-TN-4, seed 002 ~752); the phase changes allowed (seed ~627, ~633); the 8-week hint.
/// </summary>
public class UbPhaseDeadlineTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Measure Ub = TestData.Ub(D("2025-01-01"), D("2030-12-31"));

    /// <summary>"Q:2026-01-19,S:2026-06-01" → the phase changes.</summary>
    private static Participation Tn(string entry, string changes = "", string? exit = null, ExitReason reason = ExitReason.Abbruch) =>
        new(Ub.Number, "TN-1", D(entry), exit is null ? null : D(exit), exit is null ? null : reason, Phases: changes
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => new UbPhaseChange(c[0] switch { 'Q' => UbPhase.Qualifizierung, 'S' => UbPhase.Stabilisierung, _ => UbPhase.Einstieg },
                D(c[2..])))
            .ToList());

    /// <summary>The LuV items of one participation: "Kind event due".</summary>
    private static string LuVs(Participation p, string kind = "LuV") => string.Join(" | ", DeadlineCalendar.For(Ub, [p], D("2025-01-01"), D("2031-12-31"))
        .Where(i => i.Kind.ToString().StartsWith(kind, StringComparison.Ordinal))
        .Select(i => $"{i.Kind} {i.Event:yyyy-MM-dd} {i.Due:yyyy-MM-dd}"));

    [Theory]
    // change recorded for day X ends the Einstiegsphase on X − 1; due that day, a weekend/holiday → next working day
    [InlineData("2026-11-21", "2026-11-20", "2026-11-20")] // ends on a Friday: due Friday
    [InlineData("2026-11-22", "2026-11-21", "2026-11-23")] // ends on a Saturday → Monday
    [InlineData("2026-12-01", "2026-11-30", "2026-11-30")] // month end (Monday)
    [InlineData("2026-12-25", "2026-12-24", "2026-12-24")] // 24 December is a working day
    [InlineData("2027-01-01", "2026-12-31", "2026-12-31")] // 31 December likewise (year end)
    [InlineData("2026-12-26", "2026-12-25", "2026-12-28")] // 1. Weihnachtstag (Fri), 2. (Sat), Sunday → Monday
    [InlineData("2027-01-07", "2027-01-06", "2027-01-07")] // Heilige Drei Könige → next day
    [InlineData("2028-03-01", "2028-02-29", "2028-02-29")] // leap day: an ordinary working day (Tuesday)
    [InlineData("2027-03-01", "2027-02-28", "2027-03-01")] // no leap day: Sunday 28 February → Monday 1 March
    public void LuV_at_the_end_of_the_Einstiegsphase_on_its_last_day(string qualifizierungFrom, string lastDay, string due)
    {
        Assert.Equal(D(due), DeadlineRules.LuVPhasenende(D(lastDay)));
        Assert.Equal($"LuVEinstiegsphase {lastDay} {due}", LuVs(Tn("2026-09-01", $"Q:{qualifizierungFrom}"), "LuVEinstieg"));
    }

    [Theory]
    // entry, phase changes, exit → the LuV items (12 months from 24.11.2025 end on Monday 23.11.2026, due Tuesday 24.11.)
    [InlineData("2025-11-24", "", null, "")]                                      // still in the Einstiegsphase after 12 months: none
    [InlineData("2025-11-24", "Q:2026-01-19", null,
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuV12Monate 2026-11-23 2026-11-24")] // Einstieg ends Sunday → Monday; 12 months in Q
    [InlineData("2025-11-24", "Q:2026-01-19,S:2026-11-23", null,
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuVQualifizierungsphase 2026-11-22 2026-11-23")] // in Stabilisierung on the day: no 12-month LuV
    [InlineData("2025-11-24", "Q:2026-01-19,S:2026-11-24", null,
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuVQualifizierungsphase 2026-11-23 2026-11-23 | LuV12Monate 2026-11-23 2026-11-24")] // still Q on the last day (Monday)
    [InlineData("2025-11-24", "Q:2026-01-19,S:2026-06-01,Q:2026-09-01", null,
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuVQualifizierungsphase 2026-05-31 2026-06-01 | LuVStabilisierungsphase 2026-08-31 2026-08-31 | LuV12Monate 2026-11-23 2026-11-24")] // back to Q: a second Q stretch
    [InlineData("2025-11-24", "Q:2026-01-19", "2026-10-30",
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuVQualifizierungsphase 2026-10-30 2026-10-30")] // exit (Friday) ends Q; no 12 months
    [InlineData("2025-11-24", "Q:2026-01-19", "2026-11-23",
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuVQualifizierungsphase 2026-11-23 2026-11-23")] // exit on the 12 months' last day: phase LuV only
    [InlineData("2028-02-29", "Q:2028-04-03", null,
        "LuVEinstiegsphase 2028-04-02 2028-04-03 | LuV12Monate 2029-02-28 2029-03-01")] // leap-day entry: 12 months end 28.02.
    [InlineData("2026-12-01", "Q:2026-12-14,S:2027-06-01", "2027-12-24",
        "LuVEinstiegsphase 2026-12-13 2026-12-14 | LuVQualifizierungsphase 2027-05-31 2027-05-31 | LuVStabilisierungsphase 2027-12-24 2027-12-24")] // exit 24 December, in Stabilisierung on 30.11.
    [InlineData("2025-11-24", "Q:2026-01-19,S:2026-06-01", "2026-05-15",
        "LuVEinstiegsphase 2026-01-18 2026-01-19 | LuVQualifizierungsphase 2026-05-15 2026-05-15")] // exit recorded for a day before the S change: S never began
    public void LuV_per_phase_end_and_after_12_months_only_in_the_Qualifizierungsphase(string entry, string changes, string? exit, string expected) =>
        Assert.Equal(expected, LuVs(Tn(entry, changes, exit)));

    [Fact]
    public void A_Nichtantritt_owes_no_phase_LuV_but_an_Abbruch_in_the_Einstiegsphase_does()
    {
        Assert.Equal("", LuVs(Tn("2026-11-02", exit: "2026-11-02", reason: ExitReason.Nichtantritt)));
        Assert.Equal("LuVEinstiegsphase 2026-11-13 2026-11-13", LuVs(Tn("2026-11-02", exit: "2026-11-13", reason: ExitReason.Abbruch)));
    }

    [Theory]
    // current changes, exit, to, from, today → null (allowed) or the start of the German refusal
    [InlineData("", null, UbPhase.Qualifizierung, "2026-03-02", "2026-03-02", null)]                      // first qualifying workplace today
    [InlineData("Q:2026-03-02", null, UbPhase.Stabilisierung, "2026-09-01", "2026-09-30", null)]          // recorded later
    [InlineData("Q:2026-03-02,S:2026-09-01", null, UbPhase.Qualifizierung, "2026-10-01", "2026-10-01", null)] // back to Q: allowed
    [InlineData("Q:2026-03-02,S:2026-09-01", null, UbPhase.Einstieg, "2026-10-01", "2026-10-01", "Eine Rückkehr in die Einstiegsphase")]
    [InlineData("Q:2026-03-02", null, UbPhase.Einstieg, "2026-04-01", "2026-04-01", "Eine Rückkehr in die Einstiegsphase")]
    [InlineData("", null, UbPhase.Stabilisierung, "2026-03-02", "2026-03-02", "Die Stabilisierungsphase folgt")]  // no skipping Q
    [InlineData("Q:2026-03-02", null, UbPhase.Qualifizierung, "2026-04-01", "2026-04-01", "TN-1 ist seit dem 02.03.2026 bereits")] // a change of company stays Q
    [InlineData("", null, UbPhase.Qualifizierung, "2025-12-31", "2026-03-02", "Der Phasenwechsel am 31.12.2025 liegt vor dem Eintritt")]
    [InlineData("", null, UbPhase.Qualifizierung, "2026-01-05", "2026-03-02", "Der Phasenwechsel muss nach dem Beginn der Einstiegsphase")] // on the entry day
    [InlineData("Q:2026-03-02", null, UbPhase.Stabilisierung, "2026-03-01", "2026-09-01", "Der Phasenwechsel muss nach dem Beginn der Qualifizierungsphase")] // before the current phase
    [InlineData("Q:2026-03-02", "2026-06-30", UbPhase.Stabilisierung, "2026-07-01", "2026-09-01", "Der Phasenwechsel am 01.07.2026 liegt nach dem Austritt")]
    [InlineData("Q:2026-03-02", "2026-06-30", UbPhase.Stabilisierung, "2026-06-30", "2026-09-01", null)] // on the last day: allowed
    [InlineData("", null, UbPhase.Qualifizierung, "2026-03-03", "2026-03-02", "Der Phasenwechsel am 03.03.2026 liegt in der Zukunft")]
    public void Phase_changes_forward_and_back_to_Qualifizierung_never_back_to_Einstieg(string changes, string? exit, UbPhase to, string from,
        string today, string? refusal)
    {
        var p = Tn("2026-01-05", changes, exit);
        var why = UbPhases.CheckTransition(p, to) ?? UbPhases.CheckDay(p, D(from), D(today));
        if (refusal is null) Assert.Null(why);
        else Assert.StartsWith(refusal, why);
    }

    [Theory]
    [InlineData("", "2026-03-01", false)]              // entry 05.01.: day 56 is 01.03. — exactly 8 weeks
    [InlineData("", "2026-03-02", true)]               // day 57: hint
    [InlineData("Q:2026-03-02", "2026-12-01", false)]  // ended after exactly 8 weeks
    [InlineData("Q:2026-03-03", "2026-12-01", true)]   // ended a day late: still shown
    public void An_Einstiegsphase_longer_than_8_weeks_is_flagged(string changes, string today, bool flagged) =>
        Assert.Equal(flagged, UbPhases.EinstiegTooLong(Tn("2026-01-05", changes), D(today)));

    [Fact]
    public void Phase_on_a_day_follows_the_changes_and_ends_with_the_exit()
    {
        var p = Tn("2026-01-05", "Q:2026-03-02,S:2026-09-01,Q:2026-10-01", "2026-12-31");
        Assert.Null(UbPhases.On(p, D("2026-01-04")));
        Assert.Equal(UbPhase.Einstieg, UbPhases.On(p, D("2026-03-01")));
        Assert.Equal(UbPhase.Qualifizierung, UbPhases.On(p, D("2026-03-02")));
        Assert.Equal(UbPhase.Stabilisierung, UbPhases.On(p, D("2026-09-30")));
        Assert.Equal(UbPhase.Qualifizierung, UbPhases.On(p, D("2026-12-31")));
        Assert.Null(UbPhases.On(p, D("2027-01-01")));
        Assert.Equal(new UbPhasePeriod(UbPhase.Qualifizierung, D("2026-10-01"), D("2026-12-31")), UbPhases.Current(p));
    }
}
