namespace TeamsAmdl.Functions.Timers;

/// <summary>
/// A scheduled job, run by a timer-triggered function (Feature/Functions/*Timer.cs, [TimerTrigger(Cron)]); in the dev host
/// TimerTriggerService runs those functions at the same schedule. Schedules are NCRONTAB with seconds, evaluated in UTC as
/// the Functions host does; jobs work out what is due in Europe/Berlin themselves and must be idempotent (a run may repeat after a crash or on two instances).
/// </summary>
public interface ITimerJob
{
    /// <summary>Function name: letters, digits, hyphens (also the route the Functions host posts to).</summary>
    string Name { get; }

    /// <summary>NCRONTAB with seconds, e.g. "0 */15 * * * *".</summary>
    string Schedule { get; }

    Task RunAsync(TimerRun run, CancellationToken ct);
}

/// <summary>One run: when it was scheduled for, and whether it is late (the app was down at that time).</summary>
public sealed record TimerRun(DateTimeOffset ScheduledAt, bool IsPastDue);

public static class TimerJobRegistration
{
    public static IServiceCollection AddTimerJob<T>(this IServiceCollection services) where T : class, ITimerJob
    {
        services.AddSingleton<T>();
        services.AddSingleton<ITimerJob>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
