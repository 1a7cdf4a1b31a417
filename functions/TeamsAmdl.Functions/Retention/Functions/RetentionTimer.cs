using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Retention.Functions;

public sealed class RetentionTimer(RetentionJob job, TimeProvider time)
{
    [Function(RetentionJob.JobName)]
    public Task Run([TimerTrigger(RetentionJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
