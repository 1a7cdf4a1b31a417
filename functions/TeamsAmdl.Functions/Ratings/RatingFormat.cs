using System.Globalization;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>Numbers of a rating for people: German decimal comma, averages cut (not rounded) to two places.</summary>
public static class RatingFormat
{
    /// <summary>
    /// "1,85" for 1.857…: cut, not rounded, so that a value below the threshold never shows as the threshold itself
    /// (1.996 would round to "2,00" and look not auffällig). "–" for no value.
    /// </summary>
    public static string Average(decimal? value) => value is { } v
        ? (Math.Truncate(v * 100m) / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')
        : "–";

    /// <summary>A single value: "1", or "1,5" for imported decimals.</summary>
    public static string Value(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Exact decimal for storage ("1.857142857142857142857142857").</summary>
    public static string Store(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static decimal? Load(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : decimal.Parse(stored, CultureInfo.InvariantCulture);
}
