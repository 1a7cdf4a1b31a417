using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Filing;

/// <summary>
/// Timer function "filing-worker" (FunctionsHost/filing-worker/function.json, every minute): works the filing queue
/// for up to four minutes. Under the Functions host this keeps filing going when no request keeps the app's own hosted
/// worker busy; standalone the scheduler runs it besides the hosted worker, which is harmless (jobs are leased).
/// Does nothing while filing is held (demo installation without Graph settings).
/// </summary>
public sealed class FilingTimerJob(IServiceProvider services) : ITimerJob
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    public const string JobName = "filing-worker";
    public string Name => JobName;

    public const string Cron = "0 */1 * * * *";
    public string Schedule => Cron;

    public async Task RunAsync(TimerRun run, CancellationToken ct)
    {
        if (services.GetService<FilingWorker>() is { } worker)
            await worker.DrainAsync(Budget, ct);
    }
}
