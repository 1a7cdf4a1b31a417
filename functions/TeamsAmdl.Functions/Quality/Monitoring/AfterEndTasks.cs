using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// The after-end tasks people see and finish (R-QA-4): the open ones of a person (as Koordinator:in or Betreuer:in of the
/// measure; Fachkräfte SQS, koordinierende Führungskräfte and the Geschäftsführung see all), and completing one —
/// the Abschlussbericht as reviewed, the Eingliederungserfolg with its two numbers.
/// </summary>
public sealed class AfterEndTasks(MonitoringStore store, MeasureRepository measures, Names names, TimeProvider time)
{
    private static readonly StaffRole[] SeeAll = [StaffRole.FachkraftSqs, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    public sealed record TaskView(string MeasureNumber, string MeasureTitle, string Traeger, string Task, string Title, DateOnly OpensOn,
        DateOnly DueOn, bool Overdue, bool Done, DateTimeOffset? DoneAt, string? DoneBy, int? Integrated, int? NotIntegrated);

    public sealed record Completion(AfterEndTaskRow Task, AdaptiveCard Card);

    public Task<IReadOnlyList<TaskView>> ListAsync(Staff me, bool includeDone, CancellationToken ct) =>
        ListAsync(me, includeDone, all: SeeAll.Any(me.Has), ct);

    /// <summary>The open tasks assigned to the person (Koordinator:in or Betreuer:in of the measure), whatever their roles: "meine aufgaben".</summary>
    public Task<IReadOnlyList<TaskView>> AssignedAsync(Staff me, CancellationToken ct) => ListAsync(me, includeDone: false, all: false, ct);

    private async Task<IReadOnlyList<TaskView>> ListAsync(Staff me, bool includeDone, bool all, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var lookup = await names.LoadAsync(ct);
        var byNumber = (await measures.ListAsync(today, ct, includeClosed: true)).ToDictionary(m => m.Measure.Number, m => m.Measure, StringComparer.Ordinal);
        return (await store.ListTasksAsync(ct))
            .Where(t => t.OpenedAt is not null && (includeDone || !t.Done) && byNumber.ContainsKey(t.MeasureNumber))
            .Where(t => all || byNumber[t.MeasureNumber].KoordinatorId == me.Id || byNumber[t.MeasureNumber].BetreuerId == me.Id)
            .Select(t =>
            {
                var m = byNumber[t.MeasureNumber];
                return new TaskView(m.Number, m.Title, lookup.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId), t.Kind.ToString(),
                    CardTexts.Monitoring.TaskTitle(ToCardKind(t.Kind)), t.OpensOn, t.DueOn, !t.Done && today > t.DueOn, t.Done, t.DoneAt,
                    t.DoneBy is null ? null : lookup.Staff.GetValueOrDefault(t.DoneBy, t.DoneBy), t.Integrated, t.NotIntegrated);
            })
            .OrderBy(t => t.DueOn).ThenBy(t => t.MeasureNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Completes a task. 404 unknown task or not open, 403 not the measure's Koordinator:in/Betreuer:in, 400 numbers missing or
    /// more than the measure's participations, 409 already done (the value is then the done task, for the card).
    /// </summary>
    public async Task<Outcome<Completion>> CompleteAsync(Staff me, string measureNumber, string task, int? integrated, int? notIntegrated,
        CancellationToken ct)
    {
        if (!Enum.TryParse<AfterEndTaskKind>(task, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(task, out _))
            return Outcome<Completion>.Fail(404, "unknown_task", MonitoringTexts.UnknownTask(task));
        var today = BerlinCalendar.Today(time);
        var state = await measures.GetAsync(measureNumber, today, ct);
        var row = state is null ? null : await store.GetTaskAsync(measureNumber, kind, ct);
        if (state is null || row?.OpenedAt is null)
            return Outcome<Completion>.Fail(404, "task_not_open", MonitoringTexts.TaskNotOpen(measureNumber));
        var m = state.Measure;
        if (m.KoordinatorId != me.Id && m.BetreuerId != me.Id && !me.Has(StaffRole.Koordinator))
            return Outcome<Completion>.Fail(403, "forbidden", MonitoringTexts.TaskForbidden);
        var lookup = await names.LoadAsync(ct);
        var traeger = lookup.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId);
        var participants = (await measures.ParticipationsAsync(m.Number, ct)).Count;
        if (row.Done)
            return new Outcome<Completion>(new Completion(row, DoneCard(row, m, traeger, participants, lookup)), 409, "already_done", MonitoringTexts.TaskAlreadyDone);
        if (kind == AfterEndTaskKind.Eingliederungserfolg)
        {
            if (integrated is not >= 0 || notIntegrated is not >= 0)
                return Outcome<Completion>.Fail(400, "missing_numbers", MonitoringTexts.OutcomeMissing);
            if (integrated + notIntegrated > participants)
                return Outcome<Completion>.Fail(400, "too_many", MonitoringTexts.OutcomeTooMany(integrated.Value + notIntegrated.Value, participants));
        }
        else
        {
            integrated = notIntegrated = null;
        }
        var done = row with { DoneAt = time.GetUtcNow(), DoneBy = me.Id, Integrated = integrated, NotIntegrated = notIntegrated };
        try
        {
            await store.SaveTaskAsync(done, ct);
        }
        catch (Exception e) when (MonitoringStore.IsConflict(e))
        {
            return Outcome<Completion>.Fail(409, "changed", MonitoringTexts.TaskChanged);
        }
        return Outcome<Completion>.Success(new Completion(done, DoneCard(done, m, traeger, participants, lookup)));
    }

    private static AdaptiveCard DoneCard(AfterEndTaskRow row, Measure m, string traeger, int participants, Names.Lookup lookup) =>
        AfterEndCards.Build(row, m, traeger, participants, doneByName: lookup.Staff.GetValueOrDefault(row.DoneBy ?? "", row.DoneBy ?? ""),
            doneOn: row.DoneAt is { } at ? BerlinCalendar.DateOf(at) : null);

    private static QualityTaskKind ToCardKind(AfterEndTaskKind kind) =>
        kind == AfterEndTaskKind.Abschlussbericht ? QualityTaskKind.Abschlussbericht : QualityTaskKind.Eingliederungserfolg;
}
