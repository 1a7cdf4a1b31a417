using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Functions.Quality.Inspections;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// The expected side of the year simulation: the demo measures' inspection plans from the domain (<see cref="InspectionPlan"/>,
/// <see cref="InspectionSchedule"/>, <see cref="InspectionReminders"/>), kept up to date with what the test does through the
/// API and cards (dates changed, a date moved or confirmed, ad-hoc announced, inspections recorded). No storage, no job code:
/// each timer run asks <see cref="Due"/> which reminder keys that day owes.
/// </summary>
public sealed class InspectionPlanModel
{
    private sealed record Planned(MeasureKind Kind, DateOnly Start, DateOnly End, string Koordinator, string Betreuer, List<StoredInspection> Stored);

    private readonly Dictionary<string, Planned> _measures;

    public InspectionPlanModel(IEnumerable<Measure> measures) =>
        _measures = measures.Where(m => InspectionPlan.Applies(m.Kind))
            .ToDictionary(m => m.Number, m => new Planned(m.Kind, m.Start, m.End, m.KoordinatorId, m.BetreuerId, []), StringComparer.Ordinal);

    /// <summary>The reminder keys a run on <paramref name="today"/> owes (the outbox makes repeats no-ops).</summary>
    public IEnumerable<string> Due(DateOnly today)
    {
        foreach (var (number, m) in _measures)
            foreach (var s in InspectionSchedule.Merge(m.Kind, m.Start, m.End, m.Stored))
                if (s.Status != InspectionStatus.Recorded && InspectionReminders.Due(s.Date, today) is { } slot)
                    foreach (var person in new[] { m.Koordinator, m.Betreuer }.Distinct(StringComparer.Ordinal))
                        yield return InspectionReminderJob.ReminderKey(number, s.Id, s.Date, slot, person);
    }

    public void ChangeDates(string number, DateOnly start, DateOnly end) => _measures[number] = _measures[number] with { Start = start, End = end };

    public void Confirm(string number, string id)
    {
        var p = PlanDate(number, id);
        Store(number, new StoredInspection(id, InspectionKind.Regular, p.Months, p.Date, InspectionStatus.Confirmed, p.Date));
    }

    public void Move(string number, string id, DateOnly to)
    {
        var p = PlanDate(number, id);
        Store(number, new StoredInspection(id, InspectionKind.Regular, p.Months, to, InspectionStatus.Planned, p.Date));
    }

    public void Announce(string number, string id, DateOnly date) =>
        Store(number, new StoredInspection(id, InspectionKind.Adhoc, null, date, InspectionStatus.Planned, null));

    public void Record(string number, string id, DateOnly held)
    {
        var m = _measures[number];
        var current = InspectionSchedule.Merge(m.Kind, m.Start, m.End, m.Stored).Single(s => s.Id == id);
        Store(number, current with { Date = held, Status = InspectionStatus.Recorded });
    }

    private PlannedInspection PlanDate(string number, string id) =>
        InspectionPlan.Regular(_measures[number].Start, _measures[number].End).Single(p => p.Id == id);

    private void Store(string number, StoredInspection s)
    {
        var stored = _measures[number].Stored;
        stored.RemoveAll(x => x.Id == s.Id);
        stored.Add(s);
    }
}
