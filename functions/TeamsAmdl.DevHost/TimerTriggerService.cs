using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace TeamsAmdl.DevHost;

/// <summary>
/// Runs the timer-triggered functions at their NCRONTAB schedule (with seconds, in UTC, as the Functions host does).
/// A run that throws is logged; the function runs again at its next occurrence. Off with DevHost:RunTimers=false
/// (tests trigger jobs themselves). DevHost:Schedule:{function} replaces a function's schedule locally (the soak benchmark
/// runs the nightly retention every few seconds); the Functions host knows no such setting.
/// </summary>
public sealed class TimerTriggerService(FunctionCatalog catalog, FunctionInvoker invoker, TimeProvider time, ILogger<TimerTriggerService> log,
    IConfiguration? config = null)
    : BackgroundService
{
    public static CrontabSchedule Parse(string schedule) =>
        CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Select(f => RunAsync(f, Parse(config?[$"DevHost:Schedule:{f.Name}"] ?? f.Schedule), stoppingToken)));

    private async Task RunAsync(TimerFunction function, CrontabSchedule schedule, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var timer = new TimerInfo { IsPastDue = time.GetUtcNow() - next > TimeSpan.FromMinutes(1) };
            try
            {
                await invoker.InvokeAsync(function, new Dictionary<object, object>(), _ => timer, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Timer function {Function} failed; it runs again at its next occurrence", function.Name);
            }
        }
    }
}
