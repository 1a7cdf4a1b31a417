using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Digest.Functions;

public sealed class WeeklyInputTimer(WeeklyInputJob job, TimeProvider time)
{
    [Function(WeeklyInputJob.JobName)]
    public Task Run([TimerTrigger(WeeklyInputJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
