using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Timers.Functions;

public sealed class DevTimerFunctions(IEnumerable<ITimerJob> jobs, TimeProvider time)
{
    /// <summary>POST api/dev/timers/{name} (Development only): runs a timer job at once (demos, browser tests).</summary>
    [Function("dev-timers"), AllowAnonymous, DevelopmentOnly, MaxBody(0)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dev/timers/{name}")] HttpRequest req, string name,
        CancellationToken cancellationToken)
    {
        var job = jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));
        if (job is null)
            return ProblemResponses.Problem(404, "unknown_timer",
                $"Unbekannter Zeitplan-Job „{name}“. Vorhanden: {string.Join(", ", jobs.Select(j => j.Name))}.");
        await job.RunAsync(new TimerRun(time.GetUtcNow(), false), cancellationToken);
        return Results.Json(new { job = job.Name, ranAt = time.GetUtcNow() });
    }
}
