namespace TeamsAmdl.Domain.Quality;

/// <summary>
/// The inspections of a measure as they stand: the regular plan of <see cref="InspectionPlan"/> merged with what is
/// stored. Recorded inspections and ad-hoc ones are always kept (they happened or were announced by the Koordinator);
/// a confirmed or moved regular slot keeps its stored state only while the plan still gives it the date it was
/// confirmed for; otherwise the slot is planned again on its new date. A recorded slot whose plan date is gone
/// (e.g. the end moved before the 9-month date) stays, since the visit took place.
/// </summary>
public static class InspectionSchedule
{
    public static IReadOnlyList<StoredInspection> Merge(MeasureKind kind, DateOnly start, DateOnly end, IEnumerable<StoredInspection> stored)
    {
        var byId = stored.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var result = new List<StoredInspection>();
        if (InspectionPlan.Applies(kind))
        {
            foreach (var p in InspectionPlan.Regular(start, end))
            {
                result.Add(byId.Remove(p.Id, out var s) && (s.Status == InspectionStatus.Recorded || s.PlannedFor == p.Date)
                    ? s
                    : new StoredInspection(p.Id, InspectionKind.Regular, p.Months, p.Date, InspectionStatus.Planned, p.Date));
            }
        }
        result.AddRange(byId.Values.Where(s => s.Kind == InspectionKind.Adhoc || s.Status == InspectionStatus.Recorded));
        return result.OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }
}
