using System.Globalization;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>A query parameter as read by <see cref="QueryParameters"/>: its value (null when absent), or a German 400 naming it.</summary>
public readonly record struct QueryValue<T>(T? Value, IResult? Problem) where T : struct;

/// <summary>
/// Query parameters that are numbers or enum values, read alike on every route: a number must be an integer in its
/// range, an enum value one of its names (case-insensitive, never a number). Anything else is a 400 naming the parameter.
/// </summary>
public static class QueryParameters
{
    public static QueryValue<int> Int(HttpRequest req, string name, int min, int max)
    {
        string? raw = req.Query[name];
        if (string.IsNullOrEmpty(raw)) return default;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? new(v, null)
            : new(null, ProblemResponses.Problem(400, "invalid_" + name, BoundaryTexts.NotAnInteger(name, min, max)));
    }

    /// <param name="labels">What people read as the allowed values (German labels); the names when not given.</param>
    public static QueryValue<T> Enum<T>(HttpRequest req, string name, Func<T, string>? labels = null) where T : struct, Enum
    {
        string? raw = req.Query[name];
        if (string.IsNullOrEmpty(raw)) return default;
        return EnumNames.TryParse<T>(raw, out var v)
            ? new(v, null)
            : new(null, ProblemResponses.Problem(400, "unknown_" + name,
                BoundaryTexts.UnknownValue(name, raw, labels is null ? System.Enum.GetNames<T>() : System.Enum.GetValues<T>().Select(x => $"{x} ({labels(x)})"))));
    }

}
