using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Quality.Monitoring;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>
/// Recorded inspections as COSACH contacts (issue 15, item 6): every inspection with a recording dated in the month,
/// with the contact type chosen when it was recorded (3 Maßnahmeprüfung, 6 Kontaktbesuch) and its attendees.
/// </summary>
public sealed class InspectionContacts(InspectionStore store) : ICosachContactSource
{
    public async Task<IReadOnlyList<RecordedContact>> ListAsync(ReportMonth month, CancellationToken ct)
    {
        var data = await store.LoadAsync(null, ct);
        return data.Inspections
            .Select(i => i.Value)
            .Where(i => i.Recording is { } r && ReportMonth.Of(r.Date) == month)
            .Select(i => new RecordedContact(i.Recording!.ContactType, i.Recording.Date, i.MeasureNumber, i.Recording.AttendeeIds))
            .ToList();
    }
}
