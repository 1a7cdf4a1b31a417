using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

/// <summary>Runs <see cref="MonthEndJob"/> daily (it decides whether a month-end is due).</summary>
public sealed class MonthEndTimer(MonthEndJob job, TimeProvider time)
{
    [Function(MonthEndJob.JobName)]
    public Task Run([TimerTrigger(MonthEndJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
