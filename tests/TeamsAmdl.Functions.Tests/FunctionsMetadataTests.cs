using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.DevHost;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Timers;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// The Functions SDK writes functions.metadata at build time; the Azure Functions host serves exactly that. The dev
/// host reads the same attributes itself. This test compares the two, so the app run locally and in Azure cannot drift.
/// </summary>
public sealed class FunctionsMetadataTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Trigger(string Name, string Type, string Detail);

    /// <summary>functions.metadata as built (the build copies it next to the Functions assembly).</summary>
    private static JsonArray Metadata()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        if (!File.Exists(file))
            file = Path.Combine(RepoRoot.Find(), "functions", "TeamsAmdl.Functions", "bin", "Release", "net10.0", "functions.metadata");
        Assert.True(File.Exists(file), $"functions.metadata not found ({file}); build the Functions project");
        return JsonNode.Parse(File.ReadAllText(file))!.AsArray();
    }

    private static IEnumerable<Trigger> FromMetadata() =>
        from f in Metadata()
        from b in f!["bindings"]!.AsArray()
        let type = (string)b!["type"]!
        where type.EndsWith("Trigger", StringComparison.Ordinal)
        select new Trigger((string)f["name"]!, type, type switch
        {
            "httpTrigger" => string.Join(",", b["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()).Order()) + " " + (string?)b["route"],
            "timerTrigger" => (string)b["schedule"]!,
            "queueTrigger" => (string)b["queueName"]!,
            _ => "",
        });

    private static IEnumerable<Trigger> FromDevHost()
    {
        var catalog = new FunctionCatalog(typeof(AppServices).Assembly);
        return catalog.Http.Select(f => new Trigger(f.Name, "httpTrigger", string.Join(",", f.Methods.Order()) + " " + f.Route))
            .Concat(catalog.Timers.Select(f => new Trigger(f.Name, "timerTrigger", f.Schedule)))
            .Concat(catalog.Queues.Select(f => new Trigger(f.Name, "queueTrigger", f.QueueName)));
    }

    [Fact]
    public void Dev_host_serves_exactly_the_functions_of_functions_metadata()
    {
        var built = FromMetadata().OrderBy(t => t.Name).ToList();
        var served = FromDevHost().OrderBy(t => t.Name).ToList();
        Assert.Equal(built, served);
        Assert.Contains(built, t => t is { Name: "messages", Type: "httpTrigger" });
        Assert.True(built.Count(t => t.Type == "timerTrigger") >= 3, "at least 3 timer triggers");
        Assert.True(built.Count(t => t.Type == "queueTrigger") >= 2, "at least 2 queue triggers");
    }

    [Fact]
    public void Every_route_the_dev_host_serves_is_a_function()
    {
        _ = app.CreateClient();
        var routes = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        Assert.NotEmpty(routes);
        var notFunctions = routes.Where(e => e.Metadata.GetMetadata<HttpFunction>() is null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(notFunctions.Count == 0, "Routes outside the functions (the Functions host would not serve them): " + string.Join(", ", notFunctions));
        Assert.Equal(new FunctionCatalog(typeof(AppServices).Assembly).Http.Count, routes.Count);
    }

    [Fact]
    public void Every_timer_job_is_a_timer_function_with_its_schedule()
    {
        var timers = new FunctionCatalog(typeof(AppServices).Assembly).Timers.ToDictionary(t => t.Name, t => t.Schedule);
        var jobs = app.Services.GetServices<ITimerJob>().ToList();
        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            Assert.True(timers.TryGetValue(job.Name, out var schedule), $"no timer function {job.Name}");
            Assert.Equal(job.Schedule, schedule);
            TimerTriggerService.Parse(job.Schedule); // valid NCRONTAB with seconds
        }
        Assert.Equal(jobs.Select(j => j.Name).Order(), timers.Keys.Order());
    }
}
