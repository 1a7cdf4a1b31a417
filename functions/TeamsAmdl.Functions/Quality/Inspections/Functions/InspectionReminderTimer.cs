using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Inspections.Functions;

public sealed class InspectionReminderTimer(InspectionReminderJob job, TimeProvider time)
{
    [Function(InspectionReminderJob.JobName)]
    public Task Run([TimerTrigger(InspectionReminderJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
