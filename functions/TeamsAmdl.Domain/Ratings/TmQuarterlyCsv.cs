using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsAmdl.Domain.Ratings;

/// <summary>One valid row of quarterly TM data: per measure the averages and the single Soft Facts values.</summary>
/// <param name="Line">Line in the file where the row starts (1 = header).</param>
/// <param name="Quarter">Normalised, e.g. "2026-Q3".</param>
public sealed record TmQuarterRow(int Line, string MeasureNumber, string Quarter, decimal HardAverage, decimal SoftAverage,
    IReadOnlyList<(string Question, decimal Value)> SoftValues)
{
    public RatingEvaluation Evaluate(decimal threshold) => AuffaelligRule.Evaluate(HardAverage, SoftAverage, SoftValues, threshold);
}

/// <summary>A row that was not imported, with the line it starts on and a German reason.</summary>
public sealed record TmImportError(int Line, string Message);

public sealed record TmImportResult(IReadOnlyList<TmQuarterRow> Rows, IReadOnlyList<TmImportError> Errors);

/// <summary>
/// R-RATE-6: parses the quarterly TM data of Einkauf (CF4) as CSV, the way Excel writes it in Germany:
/// <list type="bullet">
/// <item>separator ";" (or "," when the header line has no ";"), fields may be quoted ("…", "" inside);
/// UTF-8 with or without BOM; decimal comma or point.</item>
/// <item>header (line 1) with the columns <c>Maßnahmenummer</c>, <c>Quartal</c>, <c>Hard Facts Durchschnitt</c>,
/// <c>Soft Facts Durchschnitt</c> (aliases: Massnahmenummer/Maßnahme, "Ø Hard Facts"/"Hard Facts Ø"/"Hard Facts", same for
/// Soft) and one column per Soft Facts question named <c>Soft: {Frage}</c>; other columns (Träger, Bemerkung) are ignored.</item>
/// <item>quarter as "2026-Q3", "Q3/2026", "Q3 2026" or "3/2026"; averages and single values on the scale; an empty
/// single value means "not rated".</item>
/// </list>
/// A malformed row is reported with its line number and skipped; the valid rows are returned. A bad header makes
/// the whole file unusable (one error on line 1). A measure may appear once per quarter; a repeat is an error.
/// </summary>
public static partial class TmQuarterlyCsv
{
    public const int MaxRows = 5000;
    public const string SoftColumnPrefix = "Soft:";

    public static TmImportResult Parse(string text, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scale);
        var records = ReadRecords(text.TrimStart('\uFEFF')).ToList();
        var errors = new List<TmImportError>();
        var rows = new List<TmQuarterRow>();
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
            return new TmImportResult(rows, [new TmImportError(1, "Die Datei ist leer; erwartet wird eine Kopfzeile mit Maßnahmenummer, Quartal, Hard Facts Durchschnitt und Soft Facts Durchschnitt.")]);

        var header = records[0];
        if (header.Error is { } headerError) return new TmImportResult(rows, [new TmImportError(header.Line, headerError)]);
        var columns = header.Fields.Select(Normalize).ToList();
        int Find(params string[] names) => columns.FindIndex(c => names.Contains(c));
        var iMeasure = Find("maßnahmenummer", "massnahmenummer", "maßnahme", "massnahme", "vergabenummer");
        var iQuarter = Find("quartal");
        var iHard = Find("hard facts durchschnitt", "ø hard facts", "hard facts ø", "hard facts", "durchschnitt hard facts");
        var iSoft = Find("soft facts durchschnitt", "ø soft facts", "soft facts ø", "soft facts", "durchschnitt soft facts");
        var missing = new List<string>();
        if (iMeasure < 0) missing.Add("Maßnahmenummer");
        if (iQuarter < 0) missing.Add("Quartal");
        if (iHard < 0) missing.Add("Hard Facts Durchschnitt");
        if (iSoft < 0) missing.Add("Soft Facts Durchschnitt");
        if (missing.Count > 0)
            return new TmImportResult(rows, [new TmImportError(1, $"In der Kopfzeile fehlt: {string.Join(", ", missing)}.")]);
        var softColumns = header.Fields
            .Select((h, i) => (Name: h.Trim(), Index: i))
            .Where(c => c.Name.StartsWith(SoftColumnPrefix, StringComparison.OrdinalIgnoreCase) && c.Name.Length > SoftColumnPrefix.Length)
            .Select(c => (Question: c.Name[SoftColumnPrefix.Length..].Trim(), c.Index))
            .ToList();
        var duplicateQuestion = softColumns.GroupBy(c => c.Question, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicateQuestion is not null)
            return new TmImportResult(rows, [new TmImportError(1, $"Die Spalte „{SoftColumnPrefix} {duplicateQuestion.Key}“ kommt doppelt vor.")]);

        var seen = new Dictionary<(string, string), int>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue; // blank lines (Excel adds some at the end)
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new TmImportError(record.Line, $"Mehr als {MaxRows} Zeilen: der Rest der Datei wurde nicht gelesen."));
                break;
            }
            if (record.Error is { } e)
            {
                errors.Add(new TmImportError(record.Line, e));
                continue;
            }
            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(new TmImportError(record.Line,
                    $"Die Zeile hat {record.Fields.Count} Spalten, die Kopfzeile {header.Fields.Count}."));
                continue;
            }
            var problems = new List<string>();
            var measure = record.Fields[iMeasure].Trim();
            if (measure.Length == 0) problems.Add("Die Maßnahmenummer fehlt");
            else if (measure.Length > 40 || measure.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
                problems.Add($"Die Maßnahmenummer „{measure}“ ist ungültig");
            var quarter = NormalizeQuarter(record.Fields[iQuarter]);
            if (quarter is null) problems.Add($"Das Quartal „{record.Fields[iQuarter].Trim()}“ ist ungültig (erwartet z. B. 2026-Q3)");
            var hard = Number(record.Fields[iHard], "Hard Facts Durchschnitt", scale, required: true, problems);
            var soft = Number(record.Fields[iSoft], "Soft Facts Durchschnitt", scale, required: true, problems);
            var singles = new List<(string, decimal)>();
            foreach (var (question, index) in softColumns)
                if (Number(record.Fields[index], $"{SoftColumnPrefix} {question}", scale, required: false, problems) is { } v)
                    singles.Add((question, v));
            if (problems.Count == 0 && seen.TryGetValue((measure, quarter!), out var firstLine))
                problems.Add($"Die Maßnahme {measure} steht für {quarter} schon in Zeile {firstLine}");
            if (problems.Count > 0)
            {
                errors.Add(new TmImportError(record.Line, string.Join("; ", problems) + "."));
                continue;
            }
            seen[(measure, quarter!)] = record.Line;
            rows.Add(new TmQuarterRow(record.Line, measure, quarter!, hard!.Value, soft!.Value, singles));
        }
        return new TmImportResult(rows, errors);
    }

    /// <summary>"2026-Q3", "Q3/2026", "Q3 2026", "3/2026", "III/2026" → "2026-Q3"; null if not a quarter.</summary>
    public static string? NormalizeQuarter(string? value)
    {
        var s = (value ?? "").Trim().ToUpperInvariant();
        var m = QuarterYearFirst().Match(s);
        if (m.Success) return Quarter(m.Groups["y"].Value, m.Groups["q"].Value);
        m = QuarterFirst().Match(s);
        return m.Success ? Quarter(m.Groups["y"].Value, m.Groups["q"].Value) : null;
    }

    private static string? Quarter(string year, string q)
    {
        var n = q switch { "I" => 1, "II" => 2, "III" => 3, "IV" => 4, _ => int.Parse(q, CultureInfo.InvariantCulture) };
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        return n is >= 1 and <= 4 && y is >= 2000 and <= 2100 ? $"{y}-Q{n}" : null;
    }

    private static decimal? Number(string field, string column, RatingScale scale, bool required, List<string> problems)
    {
        var s = field.Trim();
        if (s.Length == 0)
        {
            if (required) problems.Add($"{column} fehlt");
            return null;
        }
        if (s.Count(c => c is ',' or '.') > 1 || !decimal.TryParse(s.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var value))
        {
            problems.Add($"{column}: „{(s.Length > 20 ? s[..20] + "…" : s)}“ ist keine Zahl");
            return null;
        }
        if (value < scale.Min || value > scale.Max)
        {
            problems.Add($"{column}: {RatingScale.Format(value)} liegt außerhalb der Skala {scale.Min}–{scale.Max}");
            return null;
        }
        return value;
    }

    private static string Normalize(string header) =>
        WhiteSpace().Replace(header.Trim().Trim('"').ToLowerInvariant().Replace('_', ' '), " ");

    private sealed record Record(int Line, List<string> Fields, string? Error);

    /// <summary>RFC 4180 records; a quoted field may span lines. Line = where the record starts.</summary>
    private static IEnumerable<Record> ReadRecords(string text)
    {
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = firstLine.Contains(';') ? ';' : ',';
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            string? error = null;
            var inQuotes = false;
            var quotedField = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        inQuotes = false; i++; continue;
                    }
                    if (c == '\n') line++;
                    field.Append(c); i++;
                    continue;
                }
                if (c == '"' && field.Length == 0 && !quotedField) { inQuotes = true; quotedField = true; i++; continue; }
                if (c == '"') { error ??= "Ein Anführungszeichen steht mitten im Feld (Felder mit Anführungszeichen ganz in \"…\" setzen)."; i++; continue; }
                if (c == separator) { fields.Add(field.ToString()); field.Clear(); quotedField = false; i++; continue; }
                if (c is '\r' or '\n')
                {
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    break;
                }
                field.Append(c); i++;
            }
            if (inQuotes) error ??= "Ein Anführungszeichen wird nicht geschlossen.";
            fields.Add(field.ToString());
            yield return new Record(start, fields, error);
        }
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/ ]\s*Q(?<q>[1-4])$")]
    private static partial Regex QuarterYearFirst();

    [GeneratedRegex(@"^(?:Q\s*)?(?<q>[1-4]|IV|III|II|I)\s*[./ ]\s*(?<y>\d{4})$")]
    private static partial Regex QuarterFirst();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
