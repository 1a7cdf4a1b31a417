using TeamsAmdl.Domain.Digest;
using static TeamsAmdl.Domain.Tests.TestData;

namespace TeamsAmdl.Domain.Tests.Digest;

public class WeeklyInputRulesTests
{
    private static readonly DateOnly Today = D(2026, 11, 18);

    [Fact]
    public void System_figures_match_occupancy_rules_and_confirming_them_is_not_a_correction()
    {
        var m = Generic(D(2026, 9, 1), D(2027, 6, 30), places: 12);
        var tns = Enumerable.Range(0, 9).Select(_ => Tn(D(2026, 9, 1))).Append(Tn(D(2026, 9, 1), D(2026, 10, 1))).ToList();
        var system = WeeklyFigures.System(m, tns, reserved: 1, Today);
        Assert.Equal(new WeeklyFigures(12, 9, 1, 2, Today, true), system);

        var decision = WeeklyInputRules.Apply(m, system, 9, Today, "  Alles wie gemeldet. ", Today);
        Assert.True(decision.Accepted);
        Assert.False(decision.Corrected);
        Assert.Equal("Alles wie gemeldet.", decision.Remarks);
        Assert.Equal(system, decision.Figures);
    }

    [Fact]
    public void A_full_measure_with_running_entry_has_no_next_entry_date_but_dia_am_keeps_its_grid_date()
    {
        var m = Generic(D(2026, 9, 1), D(2027, 6, 30), places: 3);
        var full = WeeklyFigures.System(m, [Tn(D(2026, 9, 1)), Tn(D(2026, 9, 1)), Tn(D(2026, 9, 1))], 0, Today);
        Assert.Equal(0, full.FreePlaces);
        Assert.Null(full.NextEntryDate);
        Assert.True(full.IntakeOpen);

        var dia = DiaAm(D(2026, 10, 5), D(2027, 10, 4), maxOccupancy: 1, average: 1, contractedTm: 20m);
        var diaFull = WeeklyFigures.System(dia, [Tn(D(2026, 11, 16))], 0, Today);
        Assert.Equal(0, diaFull.FreePlaces);
        Assert.Equal(D(2026, 11, 30), diaFull.NextEntryDate);
    }

    [Fact]
    public void Corrected_occupancy_changes_the_free_places_through_the_domain()
    {
        var m = Generic(D(2026, 9, 1), D(2027, 6, 30), places: 12);
        var system = new WeeklyFigures(12, 9, 1, 2, Today, true);
        var decision = WeeklyInputRules.Apply(m, system, 6, D(2026, 11, 23), null, Today);
        Assert.True(decision.Accepted);
        Assert.True(decision.Corrected);
        Assert.Equal(new WeeklyFigures(12, 6, 1, 5, D(2026, 11, 23), true), decision.Figures);

        var full = WeeklyInputRules.Apply(m, system, 12, Today, null, Today);
        Assert.Equal(0, full.Figures!.FreePlaces); // 12 occupied + 1 reserved: never negative
    }

    [Theory]
    [InlineData(-1, "nicht negativ")]
    [InlineData(13, "mehr als die 12 Plätze")]
    [InlineData(null, "Bitte die Zahl")]
    public void Occupancy_outside_0_to_places_is_refused(int? occupied, string message)
    {
        var m = Generic(D(2026, 9, 1), D(2027, 6, 30), places: 12);
        var d = WeeklyInputRules.Apply(m, new WeeklyFigures(12, 9, 0, 3, Today, true), occupied, null, null, Today);
        var e = Assert.Single(d.Errors);
        Assert.Equal(WeeklyInputRules.OccupiedField, e.Field);
        Assert.Contains(message, e.Message);
        Assert.Null(d.Figures);
    }

    [Fact]
    public void Entry_dates_must_be_measure_days_in_the_intake_window_and_not_in_the_past()
    {
        var m = Generic(D(2026, 9, 1), D(2027, 6, 30));
        var system = new WeeklyFigures(10, 5, 0, 5, Today, true);
        string Error(DateOnly d) => Assert.Single(WeeklyInputRules.Apply(m, system, 5, d, null, Today).Errors).Message;
        Assert.Contains("Vergangenheit", Error(D(2026, 11, 17)));
        Assert.Contains("keine Maßnahmetage", Error(D(2026, 12, 24)));
        Assert.Contains("nach dem letzten möglichen Einstieg am 30.06.2027", Error(D(2027, 7, 1)));
        Assert.True(WeeklyInputRules.Apply(m, system, 5, D(2026, 12, 25), null, Today).Accepted);

        var future = Generic(D(2027, 1, 4), D(2027, 6, 30));
        Assert.Contains("vor dem Maßnahmebeginn", Assert.Single(WeeklyInputRules.Apply(future, system, 0, D(2026, 12, 1), null, Today).Errors).Message);
    }

    [Fact]
    public void Dia_am_entry_dates_only_on_the_14_day_grid()
    {
        var m = DiaAm(D(2026, 10, 5), D(2027, 10, 4)); // Mondays: 05.10., 19.10., 02.11., 16.11., 30.11., …
        var system = new WeeklyFigures(12, 8, 0, 4, D(2026, 11, 30), true, 20);
        var wrong = Assert.Single(WeeklyInputRules.Apply(m, system, 8, D(2026, 11, 23), null, Today).Errors);
        Assert.Contains("der nächste nach dem 23.11.2026 ist der 30.11.2026", wrong.Message);
        var ok = WeeklyInputRules.Apply(m, system, 10, D(2026, 12, 14), null, Today);
        Assert.True(ok.Accepted);
        Assert.Equal(2, ok.Figures!.FreePlaces);
        // The TM contingent caps the free places like the system's figures.
        var capped = WeeklyInputRules.Apply(m, system with { ContingentStays = 1 }, 5, null, null, Today);
        Assert.Equal(1, capped.Figures!.FreePlaces);
    }

    [Fact]
    public void Closed_intake_has_no_free_places_and_no_entry_date()
    {
        // UB started 14 months ago: intake only in the first 12 months.
        var m = Ub(D(2025, 9, 1), D(2028, 8, 31), places: 10);
        var system = WeeklyFigures.System(m, [Tn(D(2025, 9, 1))], 0, Today);
        Assert.False(system.IntakeOpen);
        Assert.Equal(0, system.FreePlaces);
        Assert.Null(system.NextEntryDate);
        var d = WeeklyInputRules.Apply(m, system, 3, D(2026, 12, 1), null, Today);
        Assert.Contains("nicht mehr möglich (letzter Einstieg am 31.08.2026)", Assert.Single(d.Errors).Message);
        var ok = WeeklyInputRules.Apply(m, system, 3, null, null, Today);
        Assert.Equal(0, ok.Figures!.FreePlaces);
        Assert.True(ok.Corrected);
    }

    [Fact]
    public void Remarks_are_cleaned_and_limited()
    {
        Assert.Null(WeeklyInputRules.CleanRemarks(" \r\n\t "));
        Assert.Equal("Zeile 1\nZeile 2", WeeklyInputRules.CleanRemarks("Zeile 1\r\nZeile 2\u0007"));
        var m = Generic(D(2026, 9, 1), D(2027, 6, 30));
        var tooLong = WeeklyInputRules.Apply(m, new WeeklyFigures(10, 5, 0, 5, Today, true), 5, null, new string('x', 501), Today);
        var e = Assert.Single(tooLong.Errors);
        Assert.Equal(WeeklyInputRules.RemarksField, e.Field);
        Assert.Contains("höchstens 500 Zeichen", e.Message);
    }
}
