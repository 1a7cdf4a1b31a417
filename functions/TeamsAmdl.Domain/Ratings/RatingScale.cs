using System.Globalization;

namespace TeamsAmdl.Domain.Ratings;

/// <summary>
/// The numeric scale of a questionnaire (R-RATE-2): whole numbers from <see cref="Min"/> to <see cref="Max"/>, higher
/// is better, and the "auffällig" threshold of R-RATE-4 (a value or average strictly below it is bad). Default 1–4,
/// threshold 2. <see cref="Labels"/> names the values for the assessor ("4" = "sehr gut").
/// </summary>
public sealed record RatingScale(int Min, int Max, decimal Threshold, IReadOnlyDictionary<int, string> Labels)
{
    public const int MaxSpan = 10;

    public static RatingScale Default { get; } = new(1, 4, 2m, new Dictionary<int, string>
    {
        [1] = "mangelhaft",
        [2] = "ausreichend",
        [3] = "gut",
        [4] = "sehr gut",
    });

    /// <summary>Validates a scale at the domain boundary; messages are German.</summary>
    public static RatingScale Create(int min, int max, decimal threshold, IReadOnlyDictionary<int, string>? labels = null)
    {
        if (min < 0 || max <= min || max - min > MaxSpan)
            throw new DomainValidationException(nameof(Max),
                $"Die Skala {min}–{max} ist ungültig: Minimum ab 0, Maximum größer als das Minimum, höchstens {MaxSpan} Stufen Abstand.");
        if (threshold <= min || threshold > max)
            throw new DomainValidationException(nameof(Threshold),
                $"Die Schwelle „auffällig“ ({Format(threshold)}) muss größer als {min} und höchstens {max} sein.");
        var cleaned = new Dictionary<int, string>();
        foreach (var (value, label) in labels ?? new Dictionary<int, string>())
        {
            if (value < min || value > max)
                throw new DomainValidationException(nameof(Labels), $"Die Beschriftung für {value} liegt außerhalb der Skala {min}–{max}.");
            if (string.IsNullOrWhiteSpace(label) || label.Length > 40)
                throw new DomainValidationException(nameof(Labels), $"Die Beschriftung für {value} fehlt oder ist länger als 40 Zeichen.");
            cleaned[value] = label.Trim();
        }
        return new RatingScale(min, max, threshold, cleaned);
    }

    public bool Contains(int value) => value >= Min && value <= Max;

    /// <summary>The values from best to worst (the order the assessor picks from).</summary>
    public IEnumerable<int> ValuesBestFirst() => Enumerable.Range(Min, Max - Min + 1).Reverse();

    public string? Label(int value) => Labels.GetValueOrDefault(value);

    /// <summary>A decimal the German way, without trailing zeros: 2 → "2", 1.5 → "1,5".</summary>
    public static string Format(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');
}
