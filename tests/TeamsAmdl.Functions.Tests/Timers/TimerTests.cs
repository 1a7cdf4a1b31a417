using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TeamsAmdl.DevHost;

namespace TeamsAmdl.Functions.Tests.Timers;

public sealed class TimerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Dev_host_runs_timer_functions_at_their_occurrences_and_survives_a_failing_run()
    {
        CountingTimer.Runs = 0;
        var catalog = new FunctionCatalog(typeof(TimerTests).Assembly);
        var timer = Assert.Single(catalog.Timers);
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Development" }).BuildServiceProvider();
        var runner = new TimerTriggerService(catalog, new FunctionInvoker(services), TimeProvider.System, NullLogger<TimerTriggerService>.Instance);
        await runner.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (CountingTimer.Runs < 3 && DateTime.UtcNow < deadline) await Task.Delay(100);
        await runner.StopAsync(CancellationToken.None);
        Assert.True(CountingTimer.Runs >= 3, $"ran {CountingTimer.Runs} times");
        Assert.Equal("counting", timer.Name);
    }

    [Fact]
    public async Task Unknown_dev_timer_is_404_with_the_list_of_jobs()
    {
        var res = await app.CreateClient().PostAsync("/api/dev/timers/gibtsnicht", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("Unbekannter Zeitplan-Job", await res.Content.ReadAsStringAsync());
    }
}
