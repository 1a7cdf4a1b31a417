using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>Inspections (planned, confirmed, recorded) and the deadlines of Mängel in Stufe 1, for the quality calendar.</summary>
public sealed class InspectionCalendarSource(MeasureRepository measures, TraegerRepository traeger, StaffRepository staff, InspectionStore store,
    TimeProvider time) : IQualityCalendarSource
{
    public const string InspectionType = "inspection";
    public const string DeadlineType = "mangel-deadline";

    public IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string>
    {
        [InspectionType] = "Vor-Ort-Prüfung", [DeadlineType] = "Frist Mängelbehebung",
    };

    public async Task<IReadOnlyList<QualityCalendarEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var all = await measures.ListAsync(today, ct);
        var data = await store.LoadAsync(null, ct);
        var traegerNames = (await traeger.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var teams = (await staff.ListTeamsAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var records = data.Inspections.Select(i => i.Value).ToLookup(i => i.MeasureNumber, StringComparer.Ordinal);
        var maengel = data.Maengel.Select(m => m.Value).ToLookup(m => m.MeasureNumber, StringComparer.Ordinal);
        var entries = new List<QualityCalendarEntry>();
        foreach (var m in all.Select(s => s.Measure))
        {
            QualityCalendarEntry Entry(DateOnly date, string type, string title, string status, string statusText, string id) =>
                new(InspectionViews.Day(date), type, Types[type], title, m.Number, m.Title, traegerNames.GetValueOrDefault(m.TraegerId, m.TraegerId),
                    m.TeamId, teams.GetValueOrDefault(m.TeamId, m.TeamId), status, statusText, id);
            foreach (var s in InspectionSchedule.Merge(m.Kind, m.Start, m.End, records[m.Number].Select(r => r.ToStored())))
                if (s.Date >= from && s.Date <= to)
                    entries.Add(Entry(s.Date, InspectionType, InspectionTexts.Kind(s.Kind, s.Months), s.Status.ToString().ToLowerInvariant(),
                        InspectionTexts.Status(s.Status), s.Id));
            foreach (var x in maengel[m.Number])
                if (x.Status == MangelStatus.Stufe1 && x.Deadline is { } d && d >= from && d <= to)
                    entries.Add(Entry(d, DeadlineType, x.Description, x.Status.ToString(), MangelTexts.Status(x.Status), x.Id));
        }
        return entries;
    }
}
