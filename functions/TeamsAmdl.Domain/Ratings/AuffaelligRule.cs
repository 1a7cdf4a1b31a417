namespace TeamsAmdl.Domain.Ratings;

/// <summary>Which value of a rating is bad (R-RATE-4).</summary>
public enum BadValueKind
{
    HardFactsAverage,
    SoftFactsAverage,
    SoftFactsQuestion,
}

/// <summary>
/// One bad value: it needs its own Begründung and Handlungsempfehlung. <see cref="Key"/> identifies it in cards,
/// drafts and documents ("avg-hard", "avg-soft", "q-{questionId}").
/// </summary>
/// <param name="Question">For <see cref="BadValueKind.SoftFactsQuestion"/>: the question's id (or, in imported TM data, its name).</param>
public sealed record BadValue(BadValueKind Kind, decimal Value, string? Question = null)
{
    public const string HardAverageKey = "avg-hard";
    public const string SoftAverageKey = "avg-soft";
    public const string QuestionKeyPrefix = "q-";

    public string Key => Kind switch
    {
        BadValueKind.HardFactsAverage => HardAverageKey,
        BadValueKind.SoftFactsAverage => SoftAverageKey,
        _ => QuestionKeyPrefix + Question,
    };
}

/// <summary>Averages and bad values of one rating (or one imported TM data row).</summary>
/// <param name="HardAverage">Null when no Hard Facts value exists.</param>
/// <param name="SoftAverage">Null when no Soft Facts value exists.</param>
public sealed record RatingEvaluation(decimal? HardAverage, decimal? SoftAverage, decimal Threshold, IReadOnlyList<BadValue> BadValues)
{
    /// <summary>"auffällig": at least one bad value.</summary>
    public bool IsAuffaellig => BadValues.Count > 0;
}

/// <summary>
/// R-RATE-4, exactly as seed 000 §6.3 says: a measure is "auffällig" when the average of the Soft Facts is below
/// the threshold, or the average of the Hard Facts is below it, or any single Soft Facts question is rated below it
/// (default threshold 2, configurable per template). "Below" is strict and unrounded: 2.0 is not auffällig, 1.99 is.
/// A single Hard Facts question below the threshold is not a bad value of its own (only through the average).
/// Averages are exact decimals (sum / count), never rounded before the comparison.
/// </summary>
public static class AuffaelligRule
{
    /// <summary>The rule on given averages and single Soft Facts values (imported TM data, R-RATE-6).</summary>
    public static RatingEvaluation Evaluate(decimal? hardAverage, decimal? softAverage,
        IEnumerable<(string Question, decimal Value)> softValues, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(softValues);
        var bad = new List<BadValue>();
        if (hardAverage < threshold) bad.Add(new BadValue(BadValueKind.HardFactsAverage, hardAverage.Value));
        if (softAverage < threshold) bad.Add(new BadValue(BadValueKind.SoftFactsAverage, softAverage.Value));
        foreach (var (question, value) in softValues)
            if (value < threshold) bad.Add(new BadValue(BadValueKind.SoftFactsQuestion, value, question));
        return new RatingEvaluation(hardAverage, softAverage, threshold, bad);
    }

    /// <summary>The rule on an assessor's answers to a template: averages over the answered questions of each section.</summary>
    public static RatingEvaluation Evaluate(QuestionnaireTemplate template, IEnumerable<RatingAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        var byId = answers.GroupBy(a => a.QuestionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var hard = template.In(RatingSection.HardFacts).Where(q => byId.ContainsKey(q.Id)).Select(q => (decimal)byId[q.Id]).ToList();
        var soft = template.In(RatingSection.SoftFacts).Where(q => byId.ContainsKey(q.Id)).Select(q => (q.Id, (decimal)byId[q.Id])).ToList();
        return Evaluate(Average(hard), Average(soft.Select(s => s.Item2).ToList()), soft, template.Scale.Threshold);
    }

    /// <summary>Exact average (decimal division), null for no values.</summary>
    public static decimal? Average(IReadOnlyCollection<decimal> values) =>
        values.Count == 0 ? null : values.Sum() / values.Count;
}
