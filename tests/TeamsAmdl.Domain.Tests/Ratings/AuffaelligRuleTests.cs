using System.Globalization;
using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Domain.Tests.Ratings;

/// <summary>R-RATE-4 around the threshold (default 2): strict "below", unrounded, Soft single questions count, Hard single ones don't.</summary>
public class AuffaelligRuleTests
{
    /// <summary>hard average; soft average; single Soft values ("" = none, else comma-separated); expected bad keys ("" = not auffällig).</summary>
    public static TheoryData<string, string, string, string> ThresholdCases => new()
    {
        // Exactly on the threshold is not auffällig.
        { "2.0", "2.0", "2,2,2", "" },
        { "2", "4", "4,4", "" },
        { "4", "2", "2,2", "" },
        // Just below, on either average.
        { "1.99", "3.5", "4,3", "avg-hard" },
        { "3.5", "1.99", "2,2", "avg-soft" },
        { "1.999999", "2", "2", "avg-hard" },
        { "1.99", "1.99", "2,2", "avg-hard avg-soft" },
        // Just above.
        { "2.01", "2.01", "2.01,2.01", "" },
        // One Soft question at 1 with averages of 3.5 is auffällig.
        { "3.5", "3.5", "4,4,4,1,4,4", "q-4" },
        // One Soft question at 1.99 (imported TM data) is auffällig; at exactly 2 it is not.
        { "3.5", "3.5", "1.99,4", "q-1" },
        { "3.5", "3.5", "2,4", "" },
        // Hard average 1.9 with perfect Soft Facts is auffällig.
        { "1.9", "4", "4,4,4,4,4,4,4,4", "avg-hard" },
        // Everything perfect / everything at the minimum.
        { "4", "4", "4,4,4", "" },
        { "1", "1", "1,1", "avg-hard avg-soft q-1 q-2" },
        // Several bad Soft questions each count.
        { "3", "2.5", "1,4,1,4", "q-1 q-3" },
        // Soft average bad and a single Soft question bad: both need a justification.
        { "3", "1.5", "1,2", "avg-soft q-1" },
        // A bad Hard average alone, Soft exactly on the threshold.
        { "1.5", "2", "2,2,2", "avg-hard" },
        // Missing averages (no values of that section) are not bad values.
        { "", "3", "3", "" },
        { "3", "", "", "" },
        { "", "", "", "" },
        // No single values given (averages only).
        { "3", "3", "", "" },
        { "3", "1.75", "", "avg-soft" },
    };

    [Theory]
    [MemberData(nameof(ThresholdCases))]
    public void Threshold_table(string hard, string soft, string singles, string expectedKeys)
    {
        var values = singles.Length == 0
            ? []
            : singles.Split(',').Select((v, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), decimal.Parse(v, CultureInfo.InvariantCulture))).ToList();
        var result = AuffaelligRule.Evaluate(Dec(hard), Dec(soft), values, 2m);
        var keys = string.Join(' ', result.BadValues.Select(b => b.Key));
        Assert.Equal(expectedKeys, keys);
        Assert.Equal(expectedKeys.Length > 0, result.IsAuffaellig);
    }

    [Fact]
    public void The_table_has_at_least_20_threshold_cases() => Assert.True(ThresholdCases.Count >= 20);

    private static decimal? Dec(string s) => s.Length == 0 ? null : decimal.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Answers_averaging_exactly_2_are_not_auffaellig()
    {
        var t = DefaultQuestionnaire.Template;
        // Hard: 1,3,1,3,2,2,2 = 14/7 = 2.0; Soft all 2.
        var answers = Answers(t, hard: [1, 3, 1, 3, 2, 2, 2], soft: [2, 2, 2, 2, 2, 2, 2, 2]);
        var e = AuffaelligRule.Evaluate(t, answers);
        Assert.Equal(2m, e.HardAverage);
        Assert.Equal(2m, e.SoftAverage);
        Assert.False(e.IsAuffaellig);
    }

    [Fact]
    public void One_Hard_question_short_of_2_makes_the_average_bad_but_the_single_Hard_value_is_no_bad_value()
    {
        var t = DefaultQuestionnaire.Template;
        // Hard: 1,3,1,3,2,2,1 = 13/7 ≈ 1.857 < 2.
        var e = AuffaelligRule.Evaluate(t, Answers(t, hard: [1, 3, 1, 3, 2, 2, 1], soft: [4, 4, 4, 4, 4, 4, 4, 4]));
        Assert.Equal(13m / 7m, e.HardAverage);
        Assert.Equal(["avg-hard"], e.BadValues.Select(b => b.Key));
    }

    [Fact]
    public void Single_Hard_question_at_1_with_a_good_average_is_not_auffaellig()
    {
        var t = DefaultQuestionnaire.Template;
        var e = AuffaelligRule.Evaluate(t, Answers(t, hard: [1, 4, 4, 4, 4, 4, 4], soft: [4, 4, 4, 4, 4, 4, 4, 4]));
        Assert.False(e.IsAuffaellig);
    }

    [Fact]
    public void One_Soft_question_at_1_with_averages_of_3_5_is_auffaellig_with_that_question_as_the_bad_value()
    {
        var t = DefaultQuestionnaire.Template;
        // Hard 7 × 3.5 impossible with whole numbers: 4,3,4,3,4,3,4 = 25/7 ≈ 3.57; Soft 1,4,4,4,4,4,4,3 = 28/8 = 3.5.
        var e = AuffaelligRule.Evaluate(t, Answers(t, hard: [4, 3, 4, 3, 4, 3, 4], soft: [1, 4, 4, 4, 4, 4, 4, 3]));
        Assert.Equal(3.5m, e.SoftAverage);
        var bad = Assert.Single(e.BadValues);
        Assert.Equal(BadValueKind.SoftFactsQuestion, bad.Kind);
        Assert.Equal("s1", bad.Question);
        Assert.Equal("q-s1", bad.Key);
        Assert.Equal(1m, bad.Value);
    }

    [Fact]
    public void Threshold_is_configurable()
    {
        Assert.True(AuffaelligRule.Evaluate(2.4m, 3m, [], 2.5m).IsAuffaellig);
        Assert.False(AuffaelligRule.Evaluate(2.5m, 3m, [], 2.5m).IsAuffaellig);
        var t = QuestionnaireTemplate.Create("x", 1, "X", RatingScale.Create(1, 6, 3m),
            [new("h", RatingSection.HardFacts, "H"), new("s", RatingSection.SoftFacts, "S")]);
        Assert.Equal(["q-s"], AuffaelligRule.Evaluate(t, [new("h", 3), new("s", 2)]).BadValues.Where(b => b.Kind == BadValueKind.SoftFactsQuestion).Select(b => b.Key));
    }

    internal static List<RatingAnswer> Answers(QuestionnaireTemplate t, int[] hard, int[] soft)
    {
        var h = t.In(RatingSection.HardFacts).ToList();
        var s = t.In(RatingSection.SoftFacts).ToList();
        Assert.Equal(h.Count, hard.Length);
        Assert.Equal(s.Count, soft.Length);
        return h.Select((q, i) => new RatingAnswer(q.Id, hard[i])).Concat(s.Select((q, i) => new RatingAnswer(q.Id, soft[i]))).ToList();
    }
}
