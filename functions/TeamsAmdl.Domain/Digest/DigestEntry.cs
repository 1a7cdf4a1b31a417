namespace TeamsAmdl.Domain.Digest;

/// <summary>Where a digest row's figures come from.</summary>
public enum DigestInputState
{
    /// <summary>No input this week: the system's figures are shown.</summary>
    Missing,
    /// <summary>The Betreuer confirmed the system's figures.</summary>
    Confirmed,
    /// <summary>The Betreuer corrected occupancy or entry date.</summary>
    Corrected,
    /// <summary>The coordinator edited the figures in the tab.</summary>
    Edited,
}

/// <summary>One measure in the weekly Maßnahmeinfo (display values; no customer data, R-SEC-1).</summary>
/// <param name="Reserved">Confirmed reservations not yet entered.</param>
/// <param name="IntakeOpen">False: no entry possible any more (free places are 0 then).</param>
/// <param name="ReportedBy">Who gave the figures (Betreuer or, for <see cref="DigestInputState.Edited"/>, the coordinator).</param>
public sealed record DigestEntry(
    string Number,
    string Title,
    string TeamId,
    string TeamName,
    MeasureKind Kind,
    string Traeger,
    string Location,
    int Capacity,
    int Occupied,
    int FreePlaces,
    DateOnly? NextEntryDate,
    string? Remarks,
    DigestInputState State,
    string BetreuerName,
    int Reserved = 0,
    bool IntakeOpen = true,
    string? KoordinatorName = null,
    string? ReportedBy = null,
    DateTimeOffset? ReportedAt = null);

/// <summary>The rows of one team and measure kind.</summary>
public sealed record DigestGroup(string TeamId, string TeamName, MeasureKind Kind, IReadOnlyList<DigestEntry> Entries);

/// <summary>Key figures of a digest (the summary line at its top).</summary>
public sealed record DigestTotals(int Measures, int FreePlaces, int MeasuresWithFreePlaces, int EntriesSoon, int Missing)
{
    public static DigestTotals Of(IReadOnlyCollection<DigestEntry> entries, DateOnly today, int soonDays = DigestRules.DefaultSoonDays) => new(
        entries.Count,
        entries.Sum(e => e.FreePlaces),
        entries.Count(e => e.FreePlaces > 0),
        entries.Count(e => DigestRules.IsSoon(e.NextEntryDate, today, soonDays)),
        entries.Count(e => e.State == DigestInputState.Missing));
}

/// <summary>
/// R-INFO-2/-3: how the digest is ordered and what it highlights. Groups by team (by name), then measure kind (in
/// the order of <see cref="MeasureKind"/>), rows by Maßnahmenummer. Free places and entry dates within
/// <see cref="DefaultSoonDays"/> days are highlighted.
/// </summary>
public static class DigestRules
{
    public const int DefaultSoonDays = 14;

    /// <summary>German collation, independent of the server's culture (Ü sorts with U).</summary>
    private static readonly StringComparer GermanOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), false);

    public static bool IsSoon(DateOnly? entry, DateOnly today, int soonDays = DefaultSoonDays) =>
        entry is { } d && d >= today && d.DayNumber - today.DayNumber <= soonDays;

    public static IReadOnlyList<DigestGroup> Group(IEnumerable<DigestEntry> entries) =>
        entries
            .GroupBy(e => (e.TeamId, e.Kind))
            .Select(g => new DigestGroup(g.Key.TeamId, g.First().TeamName, g.Key.Kind,
                g.OrderBy(e => e.Number, StringComparer.Ordinal).ToList()))
            .OrderBy(g => g.TeamName, GermanOrder)
            .ThenBy(g => g.TeamId, StringComparer.Ordinal)
            .ThenBy(g => g.Kind)
            .ToList();

    /// <summary>The rows in digest order (group by group), each with its group.</summary>
    public static IReadOnlyList<(DigestGroup Group, DigestEntry Entry)> Ordered(IEnumerable<DigestEntry> entries) =>
        Group(entries).SelectMany(g => g.Entries.Select(e => (g, e))).ToList();

    /// <summary>
    /// The condensed form for a digest that would need more than the allowed number of messages: rows are kept for
    /// measures with free places, an entry date soon, remarks, or a missing input; the others are counted per group
    /// ("… weitere Maßnahmen ohne freie Plätze"), so nothing disappears without a trace.
    /// </summary>
    public static CondensedDigest Condense(IEnumerable<DigestEntry> entries, DateOnly today, int soonDays = DefaultSoonDays)
    {
        var kept = new List<DigestEntry>();
        var hidden = new Dictionary<(string TeamId, MeasureKind Kind), int>();
        foreach (var e in entries)
        {
            if (e.FreePlaces > 0 || IsSoon(e.NextEntryDate, today, soonDays) || !string.IsNullOrEmpty(e.Remarks) || e.State == DigestInputState.Missing)
                kept.Add(e);
            else
                hidden[(e.TeamId, e.Kind)] = hidden.GetValueOrDefault((e.TeamId, e.Kind)) + 1;
        }
        return new CondensedDigest(kept, hidden);
    }
}

/// <summary>Rows kept by <see cref="DigestRules.Condense"/>, and per (team, kind) how many rows were left out.</summary>
public sealed record CondensedDigest(IReadOnlyList<DigestEntry> Kept, IReadOnlyDictionary<(string TeamId, MeasureKind Kind), int> Hidden)
{
    public int HiddenCount => Hidden.Values.Sum();
}
