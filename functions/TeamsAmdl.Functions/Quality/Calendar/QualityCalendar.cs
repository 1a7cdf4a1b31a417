using System.Globalization;

namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>What the calendar view asks for: a date range, optionally one team and one entry type.</summary>
public sealed record CalendarQuery(DateOnly From, DateOnly To, string? Team, string? Type);

/// <summary>The quality calendar (issue 15 item 7): every <see cref="IQualityCalendarSource"/>'s entries, filtered and in date order.</summary>
public sealed class QualityCalendar(IEnumerable<IQualityCalendarSource> sources)
{
    public const int MaxDays = 400;

    public IReadOnlyDictionary<string, string> Types { get; } =
        sources.SelectMany(s => s.Types).DistinctBy(t => t.Key).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    public async Task<IReadOnlyList<QualityCalendarEntry>> ListAsync(CalendarQuery q, CancellationToken ct)
    {
        var all = new List<QualityCalendarEntry>();
        foreach (var source in sources)
        {
            if (q.Type is not null && !source.Types.ContainsKey(q.Type)) continue;
            all.AddRange(await source.ListAsync(q.From, q.To, ct));
        }
        return all
            .Where(e => q.Team is null || e.TeamId == q.Team)
            .Where(e => q.Type is null || e.Type == q.Type)
            .OrderBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.MeasureNumber, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal)
            .ThenBy(e => e.Ref, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Parses from/to (defaults: this week's Monday and four weeks on), at most <see cref="MaxDays"/> days.</summary>
    public static CalendarQuery? Parse(string? from, string? to, string? team, string? type, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        DateOnly f = monday, t;
        if (!string.IsNullOrEmpty(from) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out f)) return null;
        if (string.IsNullOrEmpty(to)) t = f.AddDays(27);
        else if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out t)) return null;
        if (t < f || t.DayNumber - f.DayNumber > MaxDays) return null;
        return new CalendarQuery(f, t, string.IsNullOrWhiteSpace(team) ? null : team, string.IsNullOrWhiteSpace(type) ? null : type);
    }
}
