using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Staffing.Functions;

public sealed class StaffSyncTimer(StaffSyncJob job, TimeProvider time)
{
    [Function(StaffSyncJob.JobName)]
    public Task Run([TimerTrigger(StaffSyncJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
