using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Domain.Tests.Ratings;

/// <summary>R-RATE-4: every bad value needs a Begründung and a Handlungsempfehlung.</summary>
public class JustificationRequirementTests
{
    private static readonly RatingEvaluation ThreeBad = AuffaelligRule.Evaluate(1.5m, 1.8m, [("s1", 1m), ("s2", 3m)], 2m);

    [Fact]
    public void Every_bad_value_is_missing_both_texts_when_nothing_is_given()
    {
        var missing = JustificationRequirement.Missing(ThreeBad, []);
        Assert.Equal(["avg-hard", "avg-soft", "q-s1"], missing.Select(m => m.Value.Key));
        Assert.All(missing, m => Assert.True(m.BegruendungMissing && m.HandlungsempfehlungMissing));
    }

    [Fact]
    public void A_Begruendung_alone_is_not_enough_and_a_Handlungsempfehlung_alone_neither()
    {
        var missing = JustificationRequirement.Missing(ThreeBad,
        [
            new("avg-hard", "Auslastung nur 60 %", null),
            new("avg-soft", null, "Gespräch mit dem Träger"),
            new("q-s1", "Absprachen nicht eingehalten", "Qualitätsdialog bis Monatsende"),
        ]);
        Assert.Equal(2, missing.Count);
        Assert.Equal(("avg-hard", false, true), (missing[0].Value.Key, missing[0].BegruendungMissing, missing[0].HandlungsempfehlungMissing));
        Assert.Equal(("avg-soft", true, false), (missing[1].Value.Key, missing[1].BegruendungMissing, missing[1].HandlungsempfehlungMissing));
    }

    [Fact]
    public void White_space_does_not_count_as_text()
    {
        var missing = JustificationRequirement.Missing(ThreeBad,
        [
            new("avg-hard", "  ", "\n\t"), new("avg-soft", "b", "h"), new("q-s1", "b", "h"),
        ]);
        Assert.Equal("avg-hard", Assert.Single(missing).Value.Key);
    }

    [Fact]
    public void All_bad_values_justified_means_nothing_missing_and_texts_for_good_values_are_ignored()
    {
        var all = new List<Justification>
        {
            new("avg-hard", "b1", "h1"), new("avg-soft", "b2", "h2"), new("q-s1", "b3", "h3"), new("q-s2", "not bad", "ignored"),
        };
        Assert.Empty(JustificationRequirement.Missing(ThreeBad, all));
        var kept = JustificationRequirement.ForBadValues(ThreeBad, all);
        Assert.Equal(["avg-hard", "avg-soft", "q-s1"], kept.Select(j => j.Key));
    }

    [Fact]
    public void A_rating_that_is_not_auffaellig_needs_no_justification()
    {
        var ok = AuffaelligRule.Evaluate(2m, 2m, [("s1", 2m)], 2m);
        Assert.Empty(JustificationRequirement.Missing(ok, []));
    }

    [Fact]
    public void Texts_over_2000_characters_are_reported_per_field()
    {
        var problems = JustificationRequirement.TooLong(
            [new("avg-hard", new string('x', 2001), new string('y', 2000))], key => key);
        var p = Assert.Single(problems);
        Assert.Equal("b_avg-hard", p.Field);
        Assert.Contains("2.001 Zeichen", p.Message);
        Assert.Contains("höchstens 2.000", p.Message);
    }

    [Fact]
    public void Texts_with_personal_data_are_refused_per_field_and_a_too_long_text_is_reported_once()
    {
        var problems = JustificationRequirement.Refused(
        [
            new("avg-hard", "Kunde geb. 01.02.1990 fehlt oft", "Gespräch mit dem Träger"),   // Begründung with a birth date
            new("avg-soft", "Unpünktlich", "Rückruf unter 0171/1234567"),                     // Handlungsempfehlung with a phone number
            new("q-s1", new string('x', 2001) + " kunde@example.org", "Zielvereinbarung"),      // too long wins over the guard
        ], key => "Wert " + key, new DateOnly(2026, 12, 4));
        Assert.Equal(["b_q-s1", "b_avg-hard", "h_avg-soft"], problems.Select(p => p.Field));
        Assert.Contains("„Begründung zu Wert avg-hard“", problems[1].Message);
        Assert.Contains("Geburtsdatum", problems[1].Message);
        Assert.Contains("„Handlungsempfehlung zu Wert avg-soft“", problems[2].Message);
        Assert.Contains("Telefonnummer", problems[2].Message);
    }
}
