using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Ratings.Functions;

public sealed class RatingReminderTimer(RatingReminderJob job, TimeProvider time)
{
    [Function(RatingReminderJob.JobName)]
    public Task Run([TimerTrigger(RatingReminderJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(timer, time, cancellationToken);
}
