using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

public sealed class AfterEndTimer(AfterEndJob job, TimeProvider time)
{
    [Function(AfterEndJob.JobName)]
    public Task Run([TimerTrigger(AfterEndJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
