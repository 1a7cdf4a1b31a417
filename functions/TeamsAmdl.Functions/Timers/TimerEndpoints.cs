using System.Text.Json.Nodes;

namespace TeamsAmdl.Functions.Timers;

/// <summary>
/// The Functions host invokes a custom handler's timer function with POST /{functionName} and an invocation payload
/// ({"Data": {"timer": {...}}, "Metadata": {...}}); the handler answers with {"Outputs", "Logs", "ReturnValue"}.
/// The route only exists under the host (FUNCTIONS_CUSTOMHANDLER_PORT) and is reachable only from it (loopback).
/// In Development, POST /api/dev/timers/{name} runs a job at once (demos, browser tests).
/// </summary>
public static class TimerEndpoints
{
    public static bool UnderFunctionsHost => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"));

    public static IServiceCollection AddTimers(this IServiceCollection services, IConfiguration config)
    {
        if (!UnderFunctionsHost && config.GetValue("Timers:RunStandalone", true))
            services.AddHostedService<TimerScheduler>();
        return services;
    }

    public static void MapTimers(this WebApplication app)
    {
        if (UnderFunctionsHost)
        {
            foreach (var job in app.Services.GetServices<ITimerJob>())
            {
                app.MapPost("/" + job.Name, async (HttpContext ctx, TimeProvider time, ILogger<ITimerJob> log, CancellationToken ct) =>
                {
                    if (ctx.Connection.RemoteIpAddress is { } ip && !System.Net.IPAddress.IsLoopback(ip))
                        return Results.StatusCode(StatusCodes.Status403Forbidden);
                    var payload = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ct);
                    var pastDue = (bool?)payload?["Data"]?["timer"]?["IsPastDue"] ?? false;
                    await job.RunAsync(new TimerRun(time.GetUtcNow(), pastDue), ct);
                    return Results.Json(new { Outputs = new { }, Logs = new[] { $"{job.Name} done" }, ReturnValue = (object?)null });
                }).AllowAnonymous();
            }
        }

        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/api/dev/timers/{name}", async (string name, IEnumerable<ITimerJob> jobs, TimeProvider time, CancellationToken ct) =>
            {
                var job = jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));
                if (job is null)
                    return ProblemResponses.Problem(404, "unknown_timer",
                        $"Unbekannter Zeitplan-Job „{name}“. Vorhanden: {string.Join(", ", jobs.Select(j => j.Name))}.");
                await job.RunAsync(new TimerRun(time.GetUtcNow(), false), ct);
                return Results.Json(new { job = job.Name, ranAt = time.GetUtcNow() });
            }).AllowAnonymous();
        }
    }
}
