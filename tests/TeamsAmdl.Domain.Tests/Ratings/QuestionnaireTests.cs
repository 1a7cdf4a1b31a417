using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Domain.Tests.Ratings;

public class QuestionnaireTests
{
    [Fact]
    public void Default_template_has_Hard_and_Soft_Facts_on_the_default_scale()
    {
        var t = DefaultQuestionnaire.Template;
        Assert.Equal("tm-standard", t.Id);
        Assert.Equal(1, t.Version);
        Assert.Equal((1, 4, 2m), (t.Scale.Min, t.Scale.Max, t.Scale.Threshold));
        Assert.Equal(7, t.In(RatingSection.HardFacts).Count());
        Assert.Equal(8, t.In(RatingSection.SoftFacts).Count());
        Assert.Contains(t.Questions, q => q.Text.StartsWith("Integrationsquote", StringComparison.Ordinal));
        Assert.Contains(t.Questions, q => q.Text.StartsWith("Teilnehmerzufriedenheit", StringComparison.Ordinal));
        Assert.Equal("sehr gut", t.Scale.Label(4));
        Assert.Equal([4, 3, 2, 1], t.Scale.ValuesBestFirst());
    }

    [Fact]
    public void Pages_hold_at_most_8_questions_of_one_section_spread_evenly()
    {
        var pages = QuestionnairePaging.Pages(DefaultQuestionnaire.Template);
        Assert.Equal(2, pages.Count);
        Assert.Equal((RatingSection.HardFacts, 7), (pages[0].Section, pages[0].Questions.Count));
        Assert.Equal((RatingSection.SoftFacts, 8), (pages[1].Section, pages[1].Questions.Count));

        var big = QuestionnaireTemplate.Create("big", 1, "Groß", RatingScale.Default,
            Enumerable.Range(1, 9).Select(i => new RatingQuestion($"h{i}", RatingSection.HardFacts, $"H{i}"))
                .Concat(Enumerable.Range(1, 17).Select(i => new RatingQuestion($"s{i}", RatingSection.SoftFacts, $"S{i}"))));
        var p = QuestionnairePaging.Pages(big);
        Assert.Equal([5, 4, 6, 6, 5], p.Select(x => x.Questions.Count));
        Assert.Equal([1, 2, 3, 4, 5], p.Select(x => x.Number));
        Assert.Equal((2, 2), (p[1].Part, p[1].Parts));
        Assert.All(p, x => Assert.True(x.Questions.Count <= QuestionnairePaging.MaxPerPage));
        Assert.Equal(big.Questions.Select(q => q.Id), p.SelectMany(x => x.Questions).Select(q => q.Id));
    }

    [Theory]
    [InlineData("", "Die Kennung des Fragebogens fehlt")]
    [InlineData("Mit Leerzeichen", "Die Kennung des Fragebogens fehlt")]
    public void Invalid_template_ids_are_rejected_in_German(string id, string message)
    {
        var e = Assert.Throws<DomainValidationException>(() => QuestionnaireTemplate.Create(id, 1, "T", RatingScale.Default,
            [new("h", RatingSection.HardFacts, "H"), new("s", RatingSection.SoftFacts, "S")]));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void A_template_needs_both_sections_unique_ids_and_a_valid_scale()
    {
        Assert.Contains("Hard Facts", Assert.Throws<DomainValidationException>(() =>
            QuestionnaireTemplate.Create("x", 1, "T", RatingScale.Default, [new("s", RatingSection.SoftFacts, "S")])).Message);
        Assert.Contains("doppelt", Assert.Throws<DomainValidationException>(() =>
            QuestionnaireTemplate.Create("x", 1, "T", RatingScale.Default,
                [new("a", RatingSection.HardFacts, "H"), new("a", RatingSection.SoftFacts, "S")])).Message);
        Assert.Throws<DomainValidationException>(() => RatingScale.Create(4, 1, 2m));
        Assert.Throws<DomainValidationException>(() => RatingScale.Create(1, 4, 1m));
        Assert.Throws<DomainValidationException>(() => RatingScale.Create(1, 4, 2m, new Dictionary<int, string> { [5] = "x" }));
    }

    [Fact]
    public void Page_answers_are_all_valid_or_none_is_taken()
    {
        var t = DefaultQuestionnaire.Template;
        var page = QuestionnairePaging.Pages(t)[0];
        var raw = page.Questions.ToDictionary(q => q.Id, q => new RawAnswer(q.Id, "3", null));
        var (answers, problems) = RatingAnswers.ValidatePage(t, page, raw, new DateOnly(2026, 12, 4));
        Assert.Empty(problems);
        Assert.Equal(7, answers.Count);

        raw["h2"] = new RawAnswer("h2", "5", null);        // out of scale
        raw["h3"] = new RawAnswer("h3", "", null);         // missing
        raw["h4"] = new RawAnswer("h4", "2.5", null);      // not a whole number
        raw["h5"] = new RawAnswer("h5", "0", null);        // below the scale
        raw["h6"] = new RawAnswer("h6", "3", new string('x', 2001)); // comment too long
        raw.Remove("h7");                                  // not sent at all
        (answers, problems) = RatingAnswers.ValidatePage(t, page, raw, new DateOnly(2026, 12, 4));
        Assert.Empty(answers);
        Assert.Equal(["q_h2", "q_h3", "q_h4", "q_h5", "c_h6", "q_h7"], problems.Select(p => p.Field));
        Assert.Equal("Frage 2: „5“ liegt nicht auf der Skala; erlaubt sind ganze Zahlen von 1 bis 4.", problems[0].Message);
        Assert.Equal("Frage 3 ist nicht beantwortet.", problems[1].Message);
        Assert.Contains("2.001 Zeichen", problems[4].Message);

        raw = page.Questions.ToDictionary(q => q.Id, q => new RawAnswer(q.Id, "3", null));
        raw["h1"] = new RawAnswer("h1", "2", "Kunde wohnt Musterweg 12a"); // R-SEC-1: no address in a comment
        (answers, problems) = RatingAnswers.ValidatePage(t, page, raw, new DateOnly(2026, 12, 4));
        Assert.Empty(answers);
        Assert.Equal("c_h1", Assert.Single(problems).Field);
        Assert.Contains("Anschrift", problems[0].Message);
    }

    [Fact]
    public void Question_numbers_count_Hard_Facts_first()
    {
        var t = DefaultQuestionnaire.Template;
        Assert.Equal(1, t.NumberOf("h1"));
        Assert.Equal(8, t.NumberOf("s1"));
        Assert.Equal(15, t.NumberOf("s8"));
    }

    [Theory]
    [InlineData(RatingKind.WaehrendDerMassnahme, "2026-01-01", "2026-12-31", "2026-06-01", true)]
    [InlineData(RatingKind.WaehrendDerMassnahme, "2026-01-01", "2026-05-31", "2026-06-01", false)]
    [InlineData(RatingKind.NachMassnahmeende, "2026-01-01", "2026-12-31", "2026-06-01", false)]
    [InlineData(RatingKind.NachMassnahmeende, "2026-01-01", "2026-06-01", "2026-06-01", true)]
    [InlineData(RatingKind.Anlassbezogen, "2026-01-01", "2026-12-31", "2027-03-01", true)]
    [InlineData(RatingKind.Anlassbezogen, "2026-07-01", "2026-12-31", "2026-06-01", false)]
    public void Kind_timing(RatingKind kind, string start, string end, string today, bool allowed)
    {
        var reason = kind.CheckTiming(DateOnly.Parse(start), DateOnly.Parse(end), DateOnly.Parse(today));
        Assert.Equal(allowed, reason is null);
    }
}
