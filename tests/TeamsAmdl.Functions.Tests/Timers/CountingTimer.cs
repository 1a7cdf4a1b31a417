using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.Functions.Tests.Timers;

/// <summary>A timer function of the test assembly for the dev host's timer runner: its first run fails, later runs count.</summary>
public sealed class CountingTimer
{
    public static int Runs;

    [Function("counting")]
    public void Run([TimerTrigger("* * * * * *")] TimerInfo timer)
    {
        if (Interlocked.Increment(ref Runs) == 1) throw new InvalidOperationException("first run fails; the runner must go on");
    }
}
