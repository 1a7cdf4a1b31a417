using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>Time-driven triggers through the app's timer jobs.</summary>
public sealed class FreePlacesTimerTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    [Fact]
    public void Both_jobs_are_registered_with_their_schedules()
    {
        var jobs = app.Services.GetServices<ITimerJob>().ToDictionary(j => j.Name, j => j.Schedule);
        Assert.Equal("0 30 5 * * *", jobs["freeplaces-entry-dates"]);
        Assert.Equal("0 */5 * * * *", jobs["freeplaces-flush-due"]);
    }

    [Fact]
    public async Task The_morning_timer_announces_dia_am_entry_dates_with_room_once_per_date()
    {
        _ = app.CreateClient();
        var job = app.Services.GetServices<ITimerJob>().Single(j => j.Name == "freeplaces-entry-dates");
        var ops = app.Service<FreePlaceOperations>();
        var first = await ops.ScanDiaAmEntryDatesAsync(CancellationToken.None);
        Assert.NotEmpty(first);
        Assert.All(first, o => Assert.StartsWith("DiaAmEntryDate|", o.ChangeKey));
        Assert.Contains(first, o => o.Alerted);
        await job.RunAsync(new TimerRun(app.Time.GetUtcNow(), false), CancellationToken.None);
        var second = await ops.ScanDiaAmEntryDatesAsync(CancellationToken.None);
        Assert.All(second, o => Assert.True(o.Duplicate || !o.Alerted));
    }
}
