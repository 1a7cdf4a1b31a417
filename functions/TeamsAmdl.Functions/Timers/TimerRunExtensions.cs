using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.Functions.Timers;

public static class TimerRunExtensions
{
    /// <summary>Runs a job for a timer trigger's invocation: the job gets the clock's time and the host's "past due" flag.</summary>
    public static Task RunAsync(this ITimerJob job, TimerInfo timer, TimeProvider time, CancellationToken ct) =>
        job.RunAsync(new TimerRun(time.GetUtcNow(), timer.IsPastDue), ct);
}
