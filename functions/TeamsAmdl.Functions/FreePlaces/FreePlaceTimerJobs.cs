using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Every morning (05:30 UTC, before working hours in Berlin): announce DIA-AM entry dates coming up with room (once per date).</summary>
public sealed class DiaAmEntryDateJob(FreePlaceOperations operations, ILogger<DiaAmEntryDateJob> log) : ITimerJob
{
    public const string JobName = "freeplaces-entry-dates";
    public string Name => JobName;
    public const string Cron = "0 30 5 * * *";
    public string Schedule => Cron;

    public async Task RunAsync(TimerRun run, CancellationToken ct)
    {
        var outcomes = await operations.ScanDiaAmEntryDatesAsync(ct);
        log.LogInformation("DIA-AM entry dates: {Alerted} of {Count} announced", outcomes.Count(o => o.Alerted), outcomes.Count);
    }
}

/// <summary>
/// Every 5 minutes: send free-place cards whose time has come but whose queue message got lost (the queue message
/// normally does it at once; this is the safety net).
/// </summary>
public sealed class FreePlaceFlushJob(AlertFlusher flusher, ILogger<FreePlaceFlushJob> log) : ITimerJob
{
    public const string JobName = "freeplaces-flush-due";
    public string Name => JobName;
    public const string Cron = "0 */5 * * * *";
    public string Schedule => Cron;

    public async Task RunAsync(TimerRun run, CancellationToken ct)
    {
        var flushed = await flusher.FlushDueAsync(ct, grace: TimeSpan.FromMinutes(2));
        if (flushed > 0) log.LogInformation("{Count} overdue free-place cards sent", flushed);
    }
}
