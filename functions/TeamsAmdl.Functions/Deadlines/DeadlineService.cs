using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// The Fristen of one person (SPEC §8, issue 16): the measure's Betreuer and Koordinator see every deadline of their
/// measures and tick what arrived; an IFK sees the Erwartungs- and Feedbackbogen of their own customers. Due, overdue and
/// done, from <see cref="DeadlineStore.LookbackDays"/> back to <see cref="DeadlineStore.HorizonDays"/> ahead: the same list
/// the tab's "Fristen" and the bot's "meine aufgaben" show. <see cref="OverdueReportsAsync"/> is the query for the quality
/// calendar's month-end card.
/// </summary>
public sealed class DeadlineService(DeadlineStore store, MeasureRepository measures, TimeProvider time, ILogger<DeadlineService> log)
{
    public async Task<IReadOnlyList<DeadlineView>> MineAsync(Staff person, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var all = await store.LoadAsync(today.AddDays(-DeadlineStore.LookbackDays), today.AddDays(DeadlineStore.HorizonDays), ct);
        var expectations = await store.ExpectationsAsync(ct);
        return all.Where(t => Sees(person, t))
            .Select(t => DeadlineView.From(t.Measure, t.Item, t.Mark, today, Marks(person, t.Measure)))
            .Select(v => v.Kind == nameof(DeadlineKind.Feedbackbogen) && v.CustomerRef is { } r
                ? v with { Expectation = expectations.GetValueOrDefault((v.Measure, r)) } : v)
            .OrderBy(v => v.Status == "Done").ThenBy(v => v.Due).ThenBy(v => v.Measure, StringComparer.Ordinal).ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>POST received: the Betreuer (or Koordination) ticks that the item arrived, today.</summary>
    public async Task<Outcome<DeadlineView>> MarkReceivedAsync(Staff user, string number, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) return Outcome<DeadlineView>.Fail(400, "invalid_input", DeadlineTexts.KeyMissing);
        var today = BerlinCalendar.Today(time);
        var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, today, ct) : null;
        if (state is null) return Outcome<DeadlineView>.Fail(404, "unknown_measure", DeadlineTexts.UnknownMeasure(number));
        if (!PlaceRequestService.CanDecide(user, state.Measure)) return Outcome<DeadlineView>.Fail(403, "forbidden", DeadlineTexts.MarkForbidden);
        var participations = await measures.ParticipationsAsync(number, ct);
        var item = DeadlineCalendar.For(state.Measure, participations, state.Measure.Start.AddDays(-31), today.AddDays(DeadlineStore.HorizonDays))
            .FirstOrDefault(i => i.Key == key.Trim());
        if (item is null) return Outcome<DeadlineView>.Fail(404, "unknown_deadline", DeadlineTexts.UnknownItem(key.Trim()));
        var mark = await store.MarkReceivedAsync(item, user, today, time.GetUtcNow(), ct);
        log.LogInformation("Frist {Key} in {Measure} als eingegangen markiert", item.Key, number);
        return Outcome<DeadlineView>.Success(DeadlineView.From(state.Measure, item, mark, today, canMark: true));
    }

    /// <summary>
    /// Träger reports (R-TN-4) past their due day and not ticked, per measure: for the quality calendar's month-end card
    /// (issue 15), which shows them to the Betreuer and Koordination.
    /// </summary>
    public async Task<IReadOnlyList<DeadlineView>> OverdueReportsAsync(CancellationToken ct) =>
        (await OverdueReportsAsync(BerlinCalendar.Today(time), ct)).Select(r => r.Item)
            .OrderBy(v => v.Measure, StringComparer.Ordinal).ThenBy(v => v.Due)
            .ToList();

    /// <summary>
    /// The Träger reports overdue on <paramref name="day"/> (due before it, within <see cref="DeadlineStore.LookbackDays"/>,
    /// not ticked), oldest first, with their measure's team: the month-end card asks for its report day (R-TN-4).
    /// </summary>
    public async Task<IReadOnlyList<OverdueReport>> OverdueReportsAsync(DateOnly day, CancellationToken ct) =>
        (await store.LoadAsync(day.AddDays(-DeadlineStore.LookbackDays), day.AddDays(-1), ct))
            .Where(t => !t.Item.Kind.IsParticipantDocument() && !t.Received)
            .Select(t => new OverdueReport(t.Measure.TeamId, DeadlineView.From(t.Measure, t.Item, t.Mark, day, canMark: true)))
            .OrderBy(r => r.Item.Due).ThenBy(r => r.Item.Measure, StringComparer.Ordinal).ThenBy(r => r.Item.Key, StringComparer.Ordinal)
            .ToList();

    private static bool Marks(Staff person, Measure m) => PlaceRequestService.CanDecide(person, m);

    /// <summary>The measure's Betreuer and Koordinator see everything; an IFK the documents of their own customers.</summary>
    public static bool Sees(Staff person, TrackedDeadline t) =>
        t.Measure.BetreuerId == person.Id || t.Measure.KoordinatorId == person.Id
        || (t.Item.Kind.IsParticipantDocument() && t.Item.IfkId == person.Id);
}
