using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// CSV import of the Jobcenter's Maßnahmeübersicht (issue 13, R-ONB-1). Every line is validated exactly as the API
/// validates a create or an edit (<see cref="MeasureInput"/>, <see cref="MeasureAdmin.Check"/>), so the file and the form
/// cannot disagree. The dry run reports per line create / update (with the changed fields) / unchanged and every error
/// with line and column. Applying is all or nothing in the sense that matters: nothing is written unless every line
/// is valid. The writes themselves are one per measure (each measure is its own partition, so no transaction spans
/// them): creates are inserts that fail if the number appeared meanwhile, updates carry the ETag read during
/// validation. If one fails midway, the lines before it are stored exactly as the file says, so running the same file
/// again reports them as unchanged and writes the rest: the import converges. The same file twice changes nothing.
/// </summary>
public sealed class MeasureImport(MeasureAdmin admin, MeasureStore store, MeasureRepository measures, TimeProvider time,
    ILogger<MeasureImport> log)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxLines = 5000;
    public const int MaxCellLength = 1000;

    private sealed record Planned(int Line, Measure Measure, MeasurePartition? Before);

    public async Task<MeasureOutcome<ImportReport>> RunAsync(CurrentUser caller, byte[] file, bool dryRun, CancellationToken ct)
    {
        if (!caller.Has(StaffRole.Koordinator)) return MeasureOutcome<ImportReport>.Fail(403, "forbidden", MeasureTexts.CoordinatorsOnly);
        var text = CsvText.Decode(file);
        if (text.Problem is { } encoding) return Report(dryRun, "", [new ImportError(1, null, encoding)], []);
        var table = CsvTable.Parse(text.Text!, MaxLines + 1);
        if (table.Problem is { } parse) return Report(dryRun, text.Encoding, [new ImportError(table.ProblemLine, null, parse)], []);
        if (table.Records.Count == 0) return Report(dryRun, text.Encoding, [new ImportError(1, null, MeasureTexts.ImportEmpty)], []);

        var header = table.Records[0];
        var (columns, headerErrors) = MapHeader(header);
        if (headerErrors.Count > 0) return Report(dryRun, text.Encoding, headerErrors, []);

        var directory = await admin.DirectoryAsync(ct);
        var existing = (await measures.ListAsync(BerlinCalendar.Today(time), ct, includeClosed: true))
            .Select(s => s.Measure.Number).ToHashSet(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<ImportLine>();
        var plan = new List<Planned>();
        foreach (var record in table.Records.Skip(1))
        {
            var errors = new List<ImportError>();
            void Err(string? field, string message) => errors.Add(new ImportError(record.Line, ColumnOf(field, columns, header), message));
            var body = BodyOf(record, columns, header.Cells.Count, Err);
            var number = body.Number?.Trim();
            if (!string.IsNullOrEmpty(number) && !firstLine.TryAdd(number, record.Line))
                Err("number", MeasureTexts.DuplicateNumber(number, firstLine[number]));

            // Field errors of the domain, except for columns whose cell could not even be read (no second error there).
            var unreadable = errors.Select(e => e.Column).ToHashSet();
            void FieldErrors(IEnumerable<FieldError> found)
            {
                foreach (var e in found)
                    if (!unreadable.Contains(ColumnOf(e.Field, columns, header))) Err(e.Field, e.Message);
            }
            Measure? measure = null;
            var before = !string.IsNullOrEmpty(number) && existing.Contains(number) ? await store.ReadAsync(number, ct) : null;
            IReadOnlyList<string> changes = [];
            if (before?.ClosedOn is not null) Err("number", MeasureTexts.Closed(number!));
            else if (before is not null)
            {
                var check = admin.Check(before, body, directory, caller.StaffId);
                FieldErrors(check.Errors ?? []);
                measure = check.Value;
                if (measure is not null) changes = MeasureDiff.Describe(before.Measure, measure);
            }
            else
            {
                var (created, fieldErrors) = MeasureInput.Validate(body, directory, caller.StaffId);
                FieldErrors(fieldErrors);
                measure = created;
            }

            var action = errors.Count > 0 || measure is null ? ImportActions.Error
                : before is null ? ImportActions.Create
                : changes.Count == 0 ? ImportActions.Unchanged : ImportActions.Update;
            lines.Add(new ImportLine(record.Line, number, action, changes, errors.DistinctBy(e => (e.Column, e.Message)).ToList()));
            if (action is ImportActions.Create or ImportActions.Update) plan.Add(new Planned(record.Line, measure!, before));
        }

        var allErrors = lines.SelectMany(l => l.Errors).ToList();
        if (dryRun || allErrors.Count > 0) return Report(dryRun, text.Encoding, allErrors, lines);
        return await ApplyAsync(caller, text.Encoding, lines, plan, ct);
    }

    private async Task<MeasureOutcome<ImportReport>> ApplyAsync(CurrentUser caller, string encoding, List<ImportLine> lines, List<Planned> plan,
        CancellationToken ct)
    {
        var written = 0;
        foreach (var p in plan)
        {
            try
            {
                if (p.Before is null)
                {
                    if (!await store.AddAsync(p.Measure, ct)) return Interrupted(encoding, lines, written, plan.Count, p.Measure.Number);
                }
                else await store.UpdateAsync(p.Before, p.Measure, ct);
            }
            catch (RequestFailedException e)
            {
                log.LogWarning(e, "Import stopped at {Measure} after {Written} of {Total} writes", p.Measure.Number, written, plan.Count);
                return Interrupted(encoding, lines, written, plan.Count, p.Measure.Number);
            }
            written++;
        }
        foreach (var p in plan.Where(p => p.Before is not null))
            await admin.AnnounceAsync(p.Before!, p.Measure, caller.StaffId, ct);
        log.LogInformation("Import by {Staff}: {Created} created, {Changed} changed", caller.StaffId,
            plan.Count(p => p.Before is null), plan.Count(p => p.Before is not null));
        var report = Build(false, true, encoding, [], lines, null);
        return MeasureOutcome<ImportReport>.Success(report);
    }

    private static MeasureOutcome<ImportReport> Interrupted(string encoding, List<ImportLine> lines, int written, int total, string number)
    {
        var message = MeasureTexts.ImportInterrupted(written, total, number);
        return new MeasureOutcome<ImportReport>(Build(false, false, encoding, [], lines, message), 409, "import_interrupted", message);
    }

    private static MeasureOutcome<ImportReport> Report(bool dryRun, string encoding, IReadOnlyList<ImportError> errors, IReadOnlyList<ImportLine> lines)
    {
        var report = Build(dryRun, false, encoding, errors, lines, null);
        // A dry run always answers 200 with its findings; an apply that found errors stored nothing: 422 with the same report.
        return dryRun || errors.Count == 0
            ? MeasureOutcome<ImportReport>.Success(report)
            : new MeasureOutcome<ImportReport>(report, 422, "import_invalid", report.Message);
    }

    private static ImportReport Build(bool dryRun, bool applied, string encoding, IReadOnlyList<ImportError> errors, IReadOnlyList<ImportLine> lines,
        string? message)
    {
        int created = lines.Count(l => l.Action == ImportActions.Create), changed = lines.Count(l => l.Action == ImportActions.Update),
            unchanged = lines.Count(l => l.Action == ImportActions.Unchanged);
        var allErrors = errors.Count > 0 ? errors : lines.SelectMany(l => l.Errors).ToList();
        message ??= dryRun ? MeasureTexts.ImportDryRun(created, changed, unchanged, allErrors.Count)
            : applied ? MeasureTexts.ImportApplied(created, changed, unchanged) : MeasureTexts.ImportInvalid(allErrors.Count);
        return new ImportReport(dryRun, applied, encoding, lines.Count, created, changed, unchanged, allErrors.Count, message, allErrors, lines);
    }

    /// <summary>Column index per field; errors for missing, doubled or (for the places) absent columns. Unknown columns are ignored.</summary>
    private static (Dictionary<string, int> Columns, List<ImportError> Errors) MapHeader(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (ImportColumn.All.FirstOrDefault(c => c.Matches(header.Cells[i])) is not { } column) continue;
            if (!columns.TryAdd(column.Field, i)) errors.Add(new ImportError(header.Line, header.Cells[i], MeasureTexts.DuplicateColumn(header.Cells[i])));
        }
        foreach (var missing in ImportColumn.All.Where(c => c.Required && !columns.ContainsKey(c.Field)))
            errors.Add(new ImportError(header.Line, missing.Header, MeasureTexts.MissingColumn(missing.Header)));
        if (!columns.ContainsKey("places") && !columns.ContainsKey("maxOccupancy"))
            errors.Add(new ImportError(header.Line, "Plätze", MeasureTexts.MissingPlacesColumn));
        return (columns, errors);
    }

    private static MeasureBody BodyOf(CsvRecord record, Dictionary<string, int> columns, int headerCells, Action<string?, string> err)
    {
        if (record.Cells.Skip(headerCells).Any(c => c.Length > 0)) err(null, MeasureTexts.TooManyCells(headerCells));
        string? Cell(string field)
        {
            if (!columns.TryGetValue(field, out var i) || i >= record.Cells.Count || record.Cells[i].Length == 0) return null;
            var value = record.Cells[i];
            if (value.Length <= MaxCellLength) return value;
            err(field, MeasureTexts.CellTooLong(MaxCellLength));
            return null;
        }
        T? Parsed<T>(string field, Func<string, (T? Value, string? Problem)> parse) where T : struct
        {
            if (Cell(field) is not { } c) return null;
            var (value, problem) = parse(c);
            if (problem is not null) err(field, problem);
            return value;
        }
        return new MeasureBody(Cell("number"), Cell("title"), Cell("kind"), Cell("legalBasis"), Cell("traegerId"), Cell("location"),
            Parsed("start", GermanCells.Date), Parsed("end", GermanCells.Date), Parsed("places", GermanCells.Integer),
            Parsed("teilnahmemonate", GermanCells.Decimal), Parsed("maxOccupancy", GermanCells.Integer),
            Parsed("averageOccupancy", GermanCells.Integer), Parsed("minimumPlaces", GermanCells.Integer),
            Cell("betreuerId"), Cell("koordinatorId"), Cell("teamId"), Cell("targetGroup"));
    }

    /// <summary>The column header (as written in the file) of a body field; null for errors about the whole line.</summary>
    private static string? ColumnOf(string? field, Dictionary<string, int> columns, CsvRecord header) =>
        field is null ? null
        : columns.TryGetValue(field, out var i) ? header.Cells[i]
        : ImportColumn.All.FirstOrDefault(c => c.Field == field)?.Header ?? field;
}
