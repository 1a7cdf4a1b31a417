using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsAmdl.Functions.Timers;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.Timers;

public sealed class TimerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed class CountingJob(string schedule) : ITimerJob
    {
        public int Runs;
        public string Name => "counting";
        public string Schedule => schedule;
        public Task RunAsync(TimerRun run, CancellationToken ct)
        {
            Interlocked.Increment(ref Runs);
            if (Runs == 1) throw new InvalidOperationException("first run fails; the scheduler must go on");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Standalone_scheduler_runs_jobs_at_their_occurrences_and_survives_a_failing_run()
    {
        var job = new CountingJob("* * * * * *"); // every second
        var scheduler = new TimerScheduler([job], TimeProvider.System, NullLogger<TimerScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (job.Runs < 3 && DateTime.UtcNow < deadline) await Task.Delay(100);
        await scheduler.StopAsync(CancellationToken.None);
        Assert.True(job.Runs >= 3, $"ran {job.Runs} times");
    }

    [Fact]
    public void Every_job_has_a_function_json_with_the_same_schedule()
    {
        var jobs = app.Services.GetServices<ITimerJob>().ToList();
        var hostDir = Path.Combine(RepoRoot.Find(), "functions", "TeamsAmdl.Functions", "FunctionsHost");
        foreach (var job in jobs)
        {
            var file = Path.Combine(hostDir, job.Name, "function.json");
            Assert.True(File.Exists(file), $"missing {file}");
            var binding = JsonNode.Parse(File.ReadAllText(file))!["bindings"]!.AsArray().Single(b => (string?)b!["type"] == "timerTrigger")!;
            Assert.Equal(job.Schedule, (string?)binding["schedule"]);
            TimerScheduler.Parse(job.Schedule); // valid NCRONTAB with seconds
        }
        // Every timer function.json belongs to a registered job (no orphans the host would call in vain).
        foreach (var dir in Directory.GetDirectories(hostDir))
        {
            var json = File.ReadAllText(Path.Combine(dir, "function.json"));
            if (json.Contains("timerTrigger"))
                Assert.Contains(jobs, j => j.Name == Path.GetFileName(dir));
        }
    }

    [Fact]
    public async Task Unknown_dev_timer_is_404_with_the_list_of_jobs()
    {
        var res = await app.CreateClient().PostAsync("/api/dev/timers/gibtsnicht", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("Unbekannter Zeitplan-Job", await res.Content.ReadAsStringAsync());
    }
}
