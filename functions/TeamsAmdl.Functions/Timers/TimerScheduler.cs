using NCrontab;

namespace TeamsAmdl.Functions.Timers;

/// <summary>
/// Standalone stand-in for the Functions host's timer triggers: runs every registered job at its schedule's
/// occurrences (UTC). Not started under the Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set), where the host
/// triggers the jobs itself, nor when Timers:RunStandalone is false (tests trigger jobs directly).
/// A job that throws is logged and runs again at its next occurrence; one slow job does not delay the others.
/// </summary>
public sealed class TimerScheduler(IEnumerable<ITimerJob> jobs, TimeProvider time, ILogger<TimerScheduler> log) : BackgroundService
{
    public static CrontabSchedule Parse(string schedule) =>
        CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunJobAsync(job, Parse(job.Schedule), stoppingToken)));

    private async Task RunJobAsync(ITimerJob job, CrontabSchedule schedule, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await job.RunAsync(new TimerRun(next, IsPastDue: time.GetUtcNow() - next > TimeSpan.FromMinutes(1)), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Timer job {Job} failed at {Time}", job.Name, next);
            }
        }
    }
}
