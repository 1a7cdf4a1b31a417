using System.Globalization;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>Records as the API shows them (the contract of GET api/measures/{number}/inspections and the tab's extras).</summary>
public static class InspectionViews
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static InspectionView Inspection(StoredInspection s, InspectionRecord? r, IEnumerable<MangelRecord> maengel, CurrentUser? caller, DateOnly today) => new(
        s.Id, Day(s.Date), s.Kind == InspectionKind.Regular ? "regular" : "adhoc", s.Status.ToString().ToLowerInvariant(), s.Months,
        InspectionTexts.Kind(s.Kind, s.Months), InspectionTexts.Status(s.Status), r?.Note,
        s.Status == InspectionStatus.Confirmed ? r?.ConfirmedByName : null,
        r?.Recording is { } rec ? new RecordingView(Day(rec.Date), rec.AttendeeNames, rec.Findings, (int)rec.ContactType,
            InspectionTexts.ContactType(rec.ContactType), rec.RecordedByName, rec.RecordedAt, rec.FilingPath) : null,
        maengel.Where(m => m.InspectionId == s.Id).OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => Mangel(m, caller, today)).ToList());

    public static MangelView Mangel(MangelRecord m, CurrentUser? caller, DateOnly today) => new(
        m.Id, m.MeasureNumber, m.InspectionId, m.Description, m.Serious, m.Status.ToString(), MangelTexts.Status(m.Status),
        m.Deadline is { } d ? Day(d) : null, caller is null ? [] : Actions(m, caller, today), m.LetterPath,
        m.History.Select(h => new MangelHistoryView(h.At, h.ByName, h.Action, h.From?.ToString(), h.To.ToString(),
            h.Deadline is { } hd ? Day(hd) : null)).ToList());

    /// <summary>The steps the caller could take today: legal for the state and their roles (a Stufe 1 still needs its deadline).</summary>
    public static IReadOnlyList<string> Actions(MangelRecord m, CurrentUser caller, DateOnly today) => Enum.GetValues<MangelAction>()
        .Where(a => MangelRules.Apply(m.Status, a, m.Serious, m.Deadline, today, caller.Roles, today.AddDays(14)) is MangelStep.Moved)
        .Select(a => a.ToString()).ToList();
}
