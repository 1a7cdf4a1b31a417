namespace TeamsAmdl.Functions.Measures;

/// <summary>One record of a CSV file: the 1-based line it starts on (the header is line 1) and its cells, trimmed.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// A ';'-separated file as Excel writes it (RFC 4180 quoting with ';'): fields in double quotes may hold ';', line
/// breaks and doubled quotes. A first line "sep=;" (Excel's separator hint) is skipped; empty records (";;;;" rows
/// Excel leaves under a table) are dropped.
/// </summary>
public sealed record CsvTable(IReadOnlyList<CsvRecord> Records, string? Problem, int ProblemLine)
{
    public const char Separator = ';';

    public static CsvTable Parse(string text, int maxRecords)
    {
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        var quoted = false;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            var nl = text.IndexOf('\n');
            i = nl < 0 ? text.Length : nl + 1;
            line = recordLine = 2;
        }
        void EndRecord()
        {
            cells.Add(cell.ToString().Trim());
            cell.Clear();
            if (cells.Any(c => c.Length > 0)) records.Add(new CsvRecord(recordLine, cells.ToList()));
            cells.Clear();
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0:
                    cell.Clear();
                    quoted = true;
                    break;
                case Separator:
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    if (records.Count > maxRecords) return new CsvTable(records, MeasureTexts.ImportTooManyLines(maxRecords - 1), line);
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (quoted) return new CsvTable(records, MeasureTexts.ImportUnclosedQuote, recordLine);
        EndRecord();
        if (records.Count > maxRecords) return new CsvTable(records, MeasureTexts.ImportTooManyLines(maxRecords - 1), line);
        return new CsvTable(records, null, 0);
    }
}
