using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Deadlines.Functions;

public sealed class DeadlineReminderTimer(DeadlineReminderJob job, TimeProvider time)
{
    [Function(DeadlineReminderJob.JobName)]
    public Task Run([TimerTrigger(DeadlineReminderJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
