using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

public sealed class FreePlaceTimers(DiaAmEntryDateJob entryDates, FreePlaceFlushJob flush, TimeProvider time)
{
    [Function(DiaAmEntryDateJob.JobName)]
    public Task EntryDates([TimerTrigger(DiaAmEntryDateJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        entryDates.RunAsync(timer, time, cancellationToken);

    [Function(FreePlaceFlushJob.JobName)]
    public Task FlushDue([TimerTrigger(FreePlaceFlushJob.Cron)] TimerInfo timer, CancellationToken cancellationToken) =>
        flush.RunAsync(timer, time, cancellationToken);
}
