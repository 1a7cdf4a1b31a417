using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Calendar;

/// <summary>
/// The after-end tasks (R-QA-4) in the quality calendar, on their due day: the Abschlussbericht review and the
/// Eingliederungserfolg, from the same plan the after-end job follows (<see cref="AfterEndSchedule"/>), done or not from
/// the task rows.
/// </summary>
public sealed class AfterEndCalendarSource(MeasureRepository measures, TraegerRepository traeger, StaffRepository staff, MonitoringStore store,
    TimeProvider time) : IQualityCalendarSource
{
    public const string TaskType = "after-end-task";

    public IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string> { [TaskType] = "Aufgabe nach Maßnahmeende" };

    public async Task<IReadOnlyList<QualityCalendarEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var rows = (await store.ListTasksAsync(ct)).ToDictionary(r => (r.MeasureNumber, r.Kind));
        var traegerNames = (await traeger.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var teams = (await staff.ListTeamsAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var entries = new List<QualityCalendarEntry>();
        foreach (var m in (await measures.ListAsync(today, ct)).Select(s => s.Measure).Where(m => MonitoringScope.Covers(m.Kind)))
        {
            foreach (var plan in AfterEndSchedule.For(m).Where(p => p.DueOn >= from && p.DueOn <= to))
            {
                var done = rows.GetValueOrDefault((m.Number, plan.Kind))?.Done == true;
                var (status, statusText) = done ? ("done", "erledigt") : plan.DueOn < today ? ("overdue", "überfällig") : ("open", "offen");
                var title = plan.Kind == AfterEndTaskKind.Abschlussbericht ? "Abschlussbericht des Trägers prüfen" : "Eingliederungserfolg erfassen";
                entries.Add(new QualityCalendarEntry(plan.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TaskType,
                    Types[TaskType], title, m.Number, m.Title, traegerNames.GetValueOrDefault(m.TraegerId, m.TraegerId), m.TeamId,
                    teams.GetValueOrDefault(m.TeamId, m.TeamId), status, statusText, plan.Kind.ToString()));
            }
        }
        return entries;
    }
}
