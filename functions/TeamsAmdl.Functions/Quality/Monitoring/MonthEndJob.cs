using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>What one run of <see cref="MonthEndJob"/> did.</summary>
public sealed record MonthEndRun(IReadOnlyList<string> Months, int Cards, int Documents);

/// <summary>
/// R-QA-5, the month-end monitoring. Runs daily at 14:00 UTC (15:00/16:00 in Berlin); what is due comes from
/// <see cref="MonthEndSchedule"/> (the last working day of the month, caught up in the first days of the next). For a due
/// month: one card per Teamleitung with their team's measures, one card per Geschäftsführung with all, and per measure an
/// Auslastungsbericht (XLSX + DOCX) filed under "Auslastung". Never twice: the outbox key per (month, scope, person)
/// queues a card once, the filing outbox files the same bytes once, and the month's row in QualityMonthEnd, written
/// last, makes later runs skip the month (a run that died half-way is repeated and adds only what is missing).
/// </summary>
public sealed class MonthEndJob(MonthEndReport report, MonitoringStore store, StaffRepository staff, Lazy<Proactive> bot,
    TimeProvider time, ILogger<MonthEndJob> log, MonatsauslastungRenderer? renderer = null, FilingOutbox? filing = null) : ITimerJob
{
    public const string JobName = "quality-month-end";
    public const string Cron = "0 0 14 * * *";

    public string Name => JobName;
    public string Schedule => Cron;

    public static string TeamCardKey(ReportMonth month, string teamId, string staffId) => $"quality:month-end:{month}:team:{teamId}:{staffId}";
    public static string AllCardKey(ReportMonth month, string staffId) => $"quality:month-end:{month}:all:{staffId}";

    public Task RunAsync(TimerRun run, CancellationToken ct) => RunOnceAsync(ct);

    public async Task<MonthEndRun> RunOnceAsync(CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var months = new List<string>();
        int cards = 0, documents = 0;
        foreach (var month in MonthEndSchedule.Due(today))
        {
            if (await store.MonthEndDoneAsync(month, ct)) continue;
            var data = await report.ComputeAsync(month, ct);
            var sent = await SendCardsAsync(data, ct);
            var filed = await FileAsync(data, ct);
            await store.MarkMonthEndDoneAsync(month, data.ReportDay, data.Lines.Count, sent, time.GetUtcNow(), ct);
            log.LogInformation("Monatsmonitoring {Month}: {Measures} Maßnahmen, {Cards} Karten, {Documents} Dokumente", month.ToString(),
                data.Lines.Count, sent, filed);
            months.Add(month.ToString());
            cards += sent;
            documents += filed;
        }
        return new MonthEndRun(months, cards, documents);
    }

    private async Task<int> SendCardsAsync(MonthEndReportData data, CancellationToken ct)
    {
        var people = (await staff.ListAsync(ct)).Where(p => p.CanReceiveCards).ToList();
        var teams = (await staff.ListTeamsAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var count = 0;
        foreach (var teamId in data.TeamIds)
        {
            var leads = people.Where(p => p.Has(StaffRole.Teamleitung) && p.TeamId == teamId).ToList();
            if (leads.Count == 0)
            {
                log.LogWarning("Monatsmonitoring {Month}: Team {Team} hat keine erreichbare Teamleitung", data.Month.ToString(), teamId);
                continue;
            }
            var card = MonthEndCard.Build(data.CardFor(teamId, teams.GetValueOrDefault(teamId, teamId)));
            await bot.Value.SendCardAsync(leads.Select(p => (p, TeamCardKey(data.Month, teamId, p.Id))), _ => card, ct);
            count += leads.Count;
        }
        var management = people.Where(p => p.Has(StaffRole.Geschaeftsleitung)).ToList();
        if (management.Count > 0)
        {
            var card = MonthEndCard.Build(data.CardFor(null, null));
            await bot.Value.SendCardAsync(management.Select(p => (p, AllCardKey(data.Month, p.Id))), _ => card, ct);
            count += management.Count;
        }
        return count;
    }

    private async Task<int> FileAsync(MonthEndReportData data, CancellationToken ct)
    {
        if (renderer is null || filing is null) return 0;
        var count = 0;
        foreach (var line in data.Lines)
        {
            var input = new MonatsauslastungInput(data.Month.Year, data.Month.Month, data.ReportDay, [line.ToDocumentRow()],
                line.TraegerName, line.Measure.Number, data.PendingLines(line.Measure.Number));
            foreach (var document in new[] { renderer.RenderXlsx(input), renderer.RenderDocx(input) })
            {
                try
                {
                    await filing.EnqueueAsync(document.ToFilingDocument(), ct);
                    count++;
                }
                catch (FilingRejectedException e)
                {
                    log.LogError("Auslastungsbericht {Measure} {Month} nicht abgelegt: {Code}", line.Measure.Number, data.Month.ToString(), e.Code);
                }
            }
        }
        return count;
    }
}
