using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Filing.Functions;

public sealed class FilingWorkerTimer(FilingTimerJob job, TimeProvider time)
{
    [Function(FilingTimerJob.JobName)]
    public Task Run([TimerTrigger(FilingTimerJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
