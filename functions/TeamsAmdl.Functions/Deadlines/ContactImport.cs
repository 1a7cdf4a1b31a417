using System.Globalization;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Measures;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// R-TN-3: the LAP Träger's monthly contact report as CSV ("Kundenreferenz;Monat;Art;Anzahl;Bemerkung", one line per
/// participant, month and kind of contact; Monat as 11.2026 or a contact date). All or nothing: any line with an unknown
/// participant, a month in the future or outside participation and Nachbetreuung, an unknown kind, a negative count or
/// personal data in the Bemerkung refuses the whole file in German, and nothing is stored. Otherwise each
/// (participant, month) row is replaced by the file's sums; months below 2 personal contacts are flagged by the
/// reminder job to the Betreuer. The tab's form (<see cref="EnterAsync"/>) goes through the same checks as one line.
/// </summary>
public sealed class ContactImport(MeasureRepository measures, DeadlineTables tables, TimeProvider time, ILogger<ContactImport> log)
{
    public const int MaxBytes = 1024 * 1024;
    private const int MaxRecords = 10_000;
    private const int MaxProblemsNamed = 20;
    private static readonly string[] Header = ["kundenreferenz", "monat", "art", "anzahl", "bemerkung"];

    public async Task<Outcome<ContactImportResult>> RunAsync(Staff user, string number, byte[] file, CancellationToken ct)
    {
        var text = CsvText.Decode(file);
        if (text.Problem is { } encoding) return Fail(400, "invalid_file", encoding);
        var table = CsvTable.Parse(text.Text!, MaxRecords);
        if (table.Problem is { } syntax) return Fail(400, "invalid_file", syntax);
        if (table.Records.Count == 0) return Fail(400, "invalid_file", DeadlineTexts.ContactsEmpty);
        var head = table.Records[0].Cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        if (head.Count < 4 || !head.Take(Header.Length).SequenceEqual(Header.Take(head.Count)))
            return Fail(400, "invalid_file", DeadlineTexts.ContactsHeader);
        if (table.Records.Count == 1) return Fail(400, "invalid_file", DeadlineTexts.ContactsEmpty);
        var lines = table.Records.Skip(1)
            .Select(r => (r.Line, Enumerable.Range(0, Header.Length).Select(i => i < r.Cells.Count ? r.Cells[i].Trim() : "").ToArray()))
            .ToList();
        return await StoreAsync(user, number, lines, fromTab: false, ct);
    }

    /// <summary>
    /// R-TN-3 "or entered in the tab": one participant's personal contacts in one month, as the Betreuer types them from the
    /// Träger's report. The same checks and the same write as a CSV line (<see cref="StoreAsync"/>): the entry is that line;
    /// only the German reason comes without "Zeile n:". It replaces the month's personal count and keeps the other contacts
    /// a CSV brought.
    /// </summary>
    public Task<Outcome<ContactImportResult>> EnterAsync(Staff user, string number, ContactEntryBody body, CancellationToken ct)
    {
        var cells = new[]
        {
            body.CustomerRef?.Trim() ?? "", body.Month?.Trim() ?? "", "persönlich",
            body.Personal?.ToString(CultureInfo.InvariantCulture) ?? "", body.Note?.Trim() ?? "",
        };
        return StoreAsync(user, number, [(1, cells)], fromTab: true, ct);
    }

    /// <summary>Checks the caller, the measure and every line; all good: replaces each (participant, month) row with the sums.</summary>
    private async Task<Outcome<ContactImportResult>> StoreAsync(Staff user, string number, IReadOnlyList<(int Line, string[] Cells)> lines,
        bool fromTab, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, today, ct) : null;
        if (state is null) return Fail(404, "unknown_measure", DeadlineTexts.UnknownMeasure(number));
        if (!PlaceRequestService.CanDecide(user, state.Measure)) return Fail(403, "forbidden", DeadlineTexts.ContactsForbidden);
        if (state.Measure.Kind != MeasureKind.LapProjekt) return Fail(400, "not_lap", DeadlineTexts.NotLap);

        var participations = (await measures.ParticipationsAsync(number, ct)).ToLookup(p => p.CustomerRef, StringComparer.Ordinal);
        var problems = new List<ContactProblem>();
        var sums = new Dictionary<(string Ref, string Month), (int Personal, int Other, List<string> Remarks)>();
        foreach (var (lineNumber, cells) in lines)
        {
            var problem = Line(cells, participations, today, out var reference, out var month, out var kind, out var count);
            if (problem is not null)
            {
                problems.Add(new ContactProblem(lineNumber, problem));
                continue;
            }
            var key = (reference!, month!);
            var sum = sums.GetValueOrDefault(key, (0, 0, new List<string>()));
            sums[key] = ContactDensity.Counts(kind) ? (sum.Item1 + count, sum.Item2, sum.Item3) : (sum.Item1, sum.Item2 + count, sum.Item3);
            if (cells[4].Length > 0) sums[key].Remarks.Add(cells[4]);
        }
        if (problems.Count > 0)
            return fromTab
                ? Fail(400, "invalid_input", problems[0].Message)
                : Fail(400, "invalid_rows", DeadlineTexts.ContactsRefused + " " +
                    string.Join(" ", problems.Take(MaxProblemsNamed).Select(p => $"Zeile {p.Line}: {p.Message}")));

        var now = time.GetUtcNow();
        var rows = sums.Select(s => new ContactMonth
        {
            PartitionKey = number, RowKey = ContactMonth.Key(s.Key.Ref, s.Key.Month), CustomerRef = s.Key.Ref, Month = s.Key.Month,
            Personal = s.Value.Personal, Other = s.Value.Other, ImportedBy = user.Id, ImportedAt = now,
            Remark = s.Value.Remarks.Count == 0 ? null : Truncate(string.Join("; ", s.Value.Remarks), 500),
        }).ToList();
        if (fromTab)
            foreach (var row in rows)
            {
                // The form only knows personal contacts: what a CSV said about the others (and its remark) stays.
                var existing = await tables.Contacts.GetEntityIfExistsAsync<ContactMonth>(row.PartitionKey, row.RowKey, cancellationToken: ct);
                if (!existing.HasValue) continue;
                row.Other = existing.Value!.Other;
                row.Remark ??= existing.Value.Remark;
            }
        foreach (var chunk in rows.Chunk(100))
            await tables.Contacts.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
        var below = rows.Where(r => ContactDensity.BelowMinimum(r.Personal))
            .Select(r => $"{r.CustomerRef} {ContactDensity.MonthLabel(DateOnly.ParseExact(r.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture))}")
            .Order(StringComparer.Ordinal).ToList();
        log.LogInformation("Kontakte für {Measure}: {Rows} Monatswerte, {Below} unter dem Minimum ({Source})", number, rows.Count, below.Count,
            fromTab ? "Tab" : "CSV");
        return Outcome<ContactImportResult>.Success(new ContactImportResult(rows.Count, [], below));
    }

    /// <summary>The German problem of one line, or null with its values.</summary>
    private static string? Line(string[] cells, ILookup<string, Participation> participations, DateOnly today,
        out string? reference, out string? month, out ContactKind kind, out int count)
    {
        reference = null;
        month = null;
        kind = default;
        count = 0;
        try
        {
            reference = CustomerReference.Normalize(cells[0]);
        }
        catch (DomainValidationException e)
        {
            return e.Message;
        }
        if (!participations.Contains(reference)) return DeadlineTexts.UnknownParticipant(reference);

        DateOnly first;
        if (DateOnly.TryParseExact(cells[1], ["MM.yyyy", "M.yyyy", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            first = m;
        else if (GermanCells.Date(cells[1]) is { Value: { } day, Problem: null })
        {
            if (day > today) return DeadlineTexts.FutureMonth(cells[1]);
            first = new DateOnly(day.Year, day.Month, 1);
        }
        else return DeadlineTexts.BadMonth(cells[1]);
        if (first > today) return DeadlineTexts.FutureMonth(cells[1]);
        var label = ContactDensity.MonthLabel(first);
        var r = reference;
        if (!participations[r].Any(p => ContactDensity.Owed(p, first))) return DeadlineTexts.NotOwed(r, label);
        month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        kind = cells[2].ToLowerInvariant() switch
        {
            "persönlich" or "persoenlich" or "pers." => ContactKind.Persoenlich,
            "telefon" or "telefonisch" => ContactKind.Telefon,
            "e-mail" or "email" or "mail" => ContactKind.EMail,
            "urlaub" => ContactKind.Urlaub,
            "krankheit" or "krank" => ContactKind.Krankheit,
            _ => (ContactKind)(-1),
        };
        if (!Enum.IsDefined(kind)) return DeadlineTexts.BadKind(cells[2]);

        var (n, bad) = GermanCells.Integer(cells[3]);
        if (bad is not null || n is null) return DeadlineTexts.BadCount(cells[3]);
        if (n < 0) return DeadlineTexts.NegativeCount(n.Value);
        count = n.Value;
        return PersonalDataGuard.Refusal(DeadlineTexts.RemarkLabel, cells[4], today);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static Outcome<ContactImportResult> Fail(int status, string code, string message) => Outcome<ContactImportResult>.Fail(status, code, message);
}
