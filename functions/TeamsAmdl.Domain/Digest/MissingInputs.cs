namespace TeamsAmdl.Domain.Digest;

/// <summary>A measure of the week whose Betreuer has not answered (and nobody entered the figures instead).</summary>
public sealed record MissingInput(string MeasureNumber, string Title, string BetreuerId);

/// <summary>
/// R-INFO-1/-2: which measures the week's Maßnahmeinfo covers, and whose input is still missing. A measure belongs
/// to a week when it runs on at least one day of it.
/// </summary>
public static class MissingInputs
{
    public static bool RunsIn(Measure m, WeekKey week) => m.Start <= week.Sunday && m.End >= week.Monday;

    /// <summary>The measures of the week, ordered by number.</summary>
    public static IReadOnlyList<Measure> Expected(IEnumerable<Measure> measures, WeekKey week) =>
        measures.Where(m => RunsIn(m, week)).OrderBy(m => m.Number, StringComparer.Ordinal).ToList();

    /// <summary>The expected measures without an input (<paramref name="answered"/> = measure numbers with one).</summary>
    public static IReadOnlyList<MissingInput> Find(IEnumerable<Measure> expected, IReadOnlySet<string> answered) =>
        expected.Where(m => !answered.Contains(m.Number))
            .OrderBy(m => m.Number, StringComparer.Ordinal)
            .Select(m => new MissingInput(m.Number, m.Title, m.BetreuerId))
            .ToList();

    /// <summary>
    /// A German sentence naming the missing inputs, for the confirmation before publishing: "2 Meldungen fehlen noch:
    /// 962-E-2026-0101 Aktivcenter Jugend (Katrin Fischer), …". Lists at most <paramref name="max"/> and counts the rest.
    /// </summary>
    public static string Describe(IReadOnlyList<MissingInput> missing, Func<string, string> betreuerName, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(missing);
        if (missing.Count == 0) return "Alle Meldungen der Woche liegen vor.";
        var head = missing.Count == 1 ? "1 Meldung fehlt noch: " : $"{missing.Count} Meldungen fehlen noch: ";
        var listed = string.Join(", ", missing.Take(max).Select(x => $"{x.MeasureNumber} {x.Title} ({betreuerName(x.BetreuerId)})"));
        var rest = missing.Count > max ? $" und {missing.Count - max} weitere" : "";
        return head + listed + rest + ".";
    }
}
