using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>
/// Inspections of a measure (R-QA-1, R-QA-2): the plan merged with what is stored (<see cref="InspectionSchedule"/>),
/// ad-hoc announcements, confirming and moving a date, and recording a held visit with its Mängel; the recording files
/// the Prüfbericht and writes the audit log. Reading never writes (the plan is computed, not stored).
/// </summary>
public sealed class InspectionService(MeasureRepository measures, TraegerRepository traeger, StaffRepository staff, InspectionStore store,
    QualityAudit audit, InspectionDocuments documents, TimeProvider time)
{
    public const int MaxFindings = 4000;
    public const int MaxMangel = 1000;
    public const int MaxMaengel = 20;

    private sealed record Loaded(Measure Measure, InspectionData Data, IReadOnlyList<StoredInspection> Schedule)
    {
        public Versioned<InspectionRecord>? Record(string id) => Data.Inspections.FirstOrDefault(r => r.Value.Id == id);
    }

    public async Task<Outcome<IReadOnlyList<InspectionView>>> ListAsync(CurrentUser caller, string number, CancellationToken ct)
    {
        if (!QualityRoles.CanView(caller)) return Outcome<IReadOnlyList<InspectionView>>.Fail(403, "forbidden", InspectionTexts.QualityRolesOnly);
        var today = BerlinCalendar.Today(time);
        if (await LoadAsync(number, today, ct) is not { } l)
            return Outcome<IReadOnlyList<InspectionView>>.Fail(404, "unknown_measure", InspectionTexts.UnknownMeasure(number));
        return Outcome<IReadOnlyList<InspectionView>>.Success(Views(l, caller, today));
    }

    public async Task<Outcome<InspectionView>> AddAdhocAsync(CurrentUser caller, string number, NewAdhocInspection body, CancellationToken ct)
    {
        if (!QualityRoles.CanAnnounce(caller)) return Fail(403, "forbidden", InspectionTexts.CoordinatorsOnly);
        var today = BerlinCalendar.Today(time);
        if (await LoadAsync(number, today, ct) is not { } l) return Fail(404, "unknown_measure", InspectionTexts.UnknownMeasure(number));
        if (CheckDate(body.Date, l.Measure, today) is { } bad) return bad;
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (note is { Length: > 500 }) return Fail(400, "note_too_long", "Der Anlass ist länger als 500 Zeichen.");
        if (PersonalDataGuard.Refusal(InspectionTexts.NoteLabel, note, today) is { } personal) return Fail(400, "personal_data", personal);
        var record = new InspectionRecord(number, "adhoc-" + Guid.NewGuid().ToString("N")[..8], InspectionKind.Adhoc, null, body.Date!.Value,
            InspectionStatus.Planned, null, note, caller.StaffId, time.GetUtcNow());
        await store.SaveAsync(record, default, ct);
        await AuditAsync(record, "Angekündigte Prüfung angelegt", null, InspectionStatus.Planned, caller, note, ct);
        return Outcome<InspectionView>.Success(InspectionViews.Inspection(record.ToStored(), record, [], caller, today), 201);
    }

    public Task<Outcome<InspectionView>> ConfirmAsync(CurrentUser caller, string number, string id, CancellationToken ct) =>
        ChangeAsync(caller, number, id, null, ct);

    public Task<Outcome<InspectionView>> RescheduleAsync(CurrentUser caller, string number, string id, DateOnly? date, CancellationToken ct) =>
        date is null ? Task.FromResult(Fail(400, "date_missing", InspectionTexts.DateMissing)) : ChangeAsync(caller, number, id, date, ct);

    /// <summary>Confirm (<paramref name="newDate"/> null) or move a date. A regular slot gets its row now, tied to its plan date.</summary>
    private async Task<Outcome<InspectionView>> ChangeAsync(CurrentUser caller, string number, string id, DateOnly? newDate, CancellationToken ct)
    {
        if (!QualityRoles.CanTrack(caller)) return Fail(403, "forbidden", InspectionTexts.TrackingRolesOnly);
        var today = BerlinCalendar.Today(time);
        if (await LoadAsync(number, today, ct) is not { } l) return Fail(404, "unknown_measure", InspectionTexts.UnknownMeasure(number));
        if (l.Schedule.FirstOrDefault(s => s.Id == id) is not { } s) return Fail(404, "unknown_inspection", InspectionTexts.UnknownInspection(id));
        if (s.Status == InspectionStatus.Recorded) return Fail(409, "already_recorded", InspectionTexts.AlreadyRecorded);
        if (newDate is not null && CheckDate(newDate, l.Measure, today) is { } bad) return bad;
        var stored = l.Record(id);
        var current = stored?.Value is { } r && (r.Kind == InspectionKind.Adhoc || r.PlannedFor == s.PlannedFor)
            ? r : new InspectionRecord(number, s.Id, s.Kind, s.Months, s.Date, s.Status, s.PlannedFor, null, caller.StaffId, time.GetUtcNow());
        var changed = newDate is { } d
            ? current with { Date = d, Status = InspectionStatus.Planned, ConfirmedByName = null, ConfirmedAt = null }
            : current with { Status = InspectionStatus.Confirmed, ConfirmedByName = caller.DisplayName, ConfirmedAt = time.GetUtcNow() };
        try
        {
            await store.SaveAsync(changed, stored?.ETag ?? default, ct);
        }
        catch (RequestFailedException e) when (InspectionStore.IsConflict(e))
        {
            return Fail(409, "changed_meanwhile", InspectionTexts.ChangedMeanwhile);
        }
        await AuditAsync(changed, newDate is { } nd ? InspectionTexts.Rescheduled(nd) : InspectionTexts.Confirmed(changed.Date), s.Status, changed.Status, caller, null, ct);
        return Outcome<InspectionView>.Success(InspectionViews.Inspection(changed.ToStored(), changed,
            l.Data.Maengel.Select(m => m.Value), caller, today));
    }

    /// <summary>R-QA-2: record a held inspection with attendees, findings, COSACH contact type and Mängel; files the Prüfbericht.</summary>
    public async Task<Outcome<InspectionView>> RecordAsync(CurrentUser caller, string number, string id, RecordInspectionBody body, CancellationToken ct)
    {
        if (!QualityRoles.CanTrack(caller)) return Fail(403, "forbidden", InspectionTexts.TrackingRolesOnly);
        var today = BerlinCalendar.Today(time);
        if (await LoadAsync(number, today, ct) is not { } l) return Fail(404, "unknown_measure", InspectionTexts.UnknownMeasure(number));
        if (l.Schedule.FirstOrDefault(s => s.Id == id) is not { } s) return Fail(404, "unknown_inspection", InspectionTexts.UnknownInspection(id));
        if (s.Status == InspectionStatus.Recorded) return Fail(409, "already_recorded", InspectionTexts.AlreadyRecorded);
        var date = body.Date ?? s.Date;
        if (date > today) return Fail(400, "not_yet_held", InspectionTexts.RecordOnlyAfter(date));
        if (date < l.Measure.Start || date > l.Measure.End) return Fail(400, "date_outside_measure", InspectionTexts.DateOutsideMeasure(l.Measure.Start, l.Measure.End));
        var contact = body.ContactType ?? (int)CosachContactType.Massnahmepruefung;
        if (!Enum.IsDefined(typeof(CosachContactType), contact)) return Fail(400, "invalid_contact_type", InspectionTexts.ContactTypeInvalid);
        var findings = body.Findings?.Trim() ?? "";
        if (findings.Length > MaxFindings) return Fail(400, "findings_too_long", InspectionTexts.FindingsTooLong);
        if (PersonalDataGuard.Refusal(InspectionTexts.FindingsLabel, findings, today) is { } p1) return Fail(400, "personal_data", p1);
        var newMaengel = body.Maengel ?? [];
        if (newMaengel.Count > MaxMaengel || newMaengel.Any(m => string.IsNullOrWhiteSpace(m?.Description) || m.Description.Trim().Length > MaxMangel))
            return Fail(400, "invalid_mangel", InspectionTexts.MangelInvalid);
        foreach (var m in newMaengel)
            if (PersonalDataGuard.Refusal(InspectionTexts.MangelLabel, m.Description, today) is { } p2) return Fail(400, "personal_data", p2);
        var people = (await staff.ListAsync(ct)).ToDictionary(x => x.Id, StringComparer.Ordinal);
        var attendeeIds = (body.Attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (attendeeIds.Count == 0) attendeeIds.Add(caller.StaffId);
        if (attendeeIds.FirstOrDefault(a => !people.TryGetValue(a, out var who) || !who.Active) is { } unknown)
            return Fail(400, "unknown_attendee", InspectionTexts.UnknownAttendee(unknown.Length > 60 ? unknown[..60] : unknown));

        var now = time.GetUtcNow();
        var maengel = newMaengel.Select((m, i) => new MangelRecord(number, $"{id}-m{i + 1}", id, m.Description!.Trim(), m.Serious, MangelStatus.Erfasst, null,
            [new MangelHistoryEntry(now, caller.StaffId, caller.DisplayName, "Erfasst", null, MangelStatus.Erfasst, null)])).ToList();
        var traegerName = (await traeger.GetAsync(l.Measure.TraegerId, ct))?.Name ?? l.Measure.TraegerId;
        var receipt = await documents.FilePruefberichtAsync(new PruefberichtInput(number, l.Measure.Title, traegerName, date,
            InspectionTexts.Kind(s.Kind, s.Months), InspectionTexts.ContactType((CosachContactType)contact),
            attendeeIds.Select(a => people[a].DisplayName).ToList(), findings,
            maengel.Select(m => new PruefberichtMangel(m.Description, m.Serious)).ToList(), caller.DisplayName, $"{number} {id}"), ct);

        var stored = l.Record(id);
        var baseRecord = stored?.Value ?? new InspectionRecord(number, s.Id, s.Kind, s.Months, s.Date, s.Status, s.PlannedFor, null, caller.StaffId, now);
        var recorded = baseRecord with
        {
            Date = date, Status = InspectionStatus.Recorded, PlannedFor = s.PlannedFor,
            Recording = new InspectionRecording(date, attendeeIds, attendeeIds.Select(a => people[a].DisplayName).ToList(), findings,
                (CosachContactType)contact, caller.StaffId, caller.DisplayName, now, receipt.JobId, receipt.Path),
        };
        try
        {
            await store.SaveRecordingAsync(recorded, stored?.ETag ?? default, maengel, ct);
        }
        catch (RequestFailedException e) when (InspectionStore.IsConflict(e))
        {
            return Fail(409, "changed_meanwhile", InspectionTexts.ChangedMeanwhile);
        }
        await AuditAsync(recorded, "Prüfung erfasst", s.Status, InspectionStatus.Recorded, caller, $"Prüfbericht: {receipt.Path}", ct);
        foreach (var m in maengel)
            await audit.AppendAsync(new QualityAuditEntry(number, "mangel:" + m.Id, "Erfasst", null, nameof(MangelStatus.Erfasst), caller.StaffId,
                caller.DisplayName, now, m.Serious ? "schwerwiegend" : null), ct);
        return Outcome<InspectionView>.Success(InspectionViews.Inspection(recorded.ToStored(), recorded, maengel, caller, today));
    }

    private async Task<Loaded?> LoadAsync(string number, DateOnly today, CancellationToken ct)
    {
        if (await measures.GetAsync(number, today, ct) is not { } m) return null;
        var data = await store.LoadAsync(number, ct);
        return new Loaded(m.Measure, data, InspectionSchedule.Merge(m.Measure.Kind, m.Measure.Start, m.Measure.End,
            data.Inspections.Select(i => i.Value.ToStored())));
    }

    private static IReadOnlyList<InspectionView> Views(Loaded l, CurrentUser caller, DateOnly today)
    {
        var records = l.Data.Inspections.ToDictionary(r => r.Value.Id, r => r.Value, StringComparer.Ordinal);
        var maengel = l.Data.Maengel.Select(m => m.Value).ToList();
        return l.Schedule.Select(s => InspectionViews.Inspection(s, records.GetValueOrDefault(s.Id), maengel, caller, today)).ToList();
    }

    private static Outcome<InspectionView>? CheckDate(DateOnly? date, Measure m, DateOnly today)
    {
        if (date is not { } d) return Fail(400, "date_missing", InspectionTexts.DateMissing);
        if (d < today) return Fail(400, "date_in_past", InspectionTexts.DateInPast(today));
        if (d < m.Start || d > m.End) return Fail(400, "date_outside_measure", InspectionTexts.DateOutsideMeasure(m.Start, m.End));
        return null;
    }

    private Task AuditAsync(InspectionRecord r, string action, InspectionStatus? from, InspectionStatus to, CurrentUser caller, string? detail, CancellationToken ct) =>
        audit.AppendAsync(new QualityAuditEntry(r.MeasureNumber, "inspection:" + r.Id, action, from?.ToString(), to.ToString(), caller.StaffId,
            caller.DisplayName, time.GetUtcNow(), detail), ct);

    private static Outcome<InspectionView> Fail(int status, string code, string message) => Outcome<InspectionView>.Fail(status, code, message);
}
