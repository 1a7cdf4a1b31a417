using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Repositories;
using Xunit.Abstractions;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>The app without a running outbox worker: the simulation only counts what is queued.</summary>
public sealed class QueueOnlyAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AzureWebJobs.outbox-deliver.Disabled", "true");
    }
}

/// <summary>
/// Four simulated weeks (and a bit) for 100 requests, the reminder job running twice a day on the fake clock: 70
/// assessors never answer (3 reminders each, then one overdue notice), 30 submit on day 17 (after the 14-day reminder;
/// nothing after that). Every card is counted in the outbox, so a repeated run that sent twice would show.
/// </summary>
public sealed class RatingReminderSimulationTests(QueueOnlyAppFactory app, ITestOutputHelper output) : IClassFixture<QueueOnlyAppFactory>
{
    [Fact]
    public async Task Hundred_requests_over_four_weeks_send_3_reminders_each_until_submitted_and_one_overdue_notice()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        var staff = app.Service<StaffRepository>();
        var coordinator = (await staff.GetAsync(Coordinator))!;
        var assessors = (await staff.ListAsync()).Where(s => s.Has(StaffRole.Bewerter)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var measures = (await app.Service<MeasureRepository>().ListAsync(BerlinCalendar.Today(app.Time)))
            .Where(m => m.Measure.Start <= BerlinCalendar.Today(app.Time) && m.Measure.End >= BerlinCalendar.Today(app.Time)).ToList();
        var requests = app.Service<RatingRequests>();
        // The demo's open requests would make two of the pairs below duplicates (one open request per measure and assessor).
        foreach (var demo in new[] { "bw-demo-0108", "bw-demo-0503" })
            await requests.CloseAsync(demo, coordinator, CancellationToken.None);
        var ids = new List<(string Id, Staff Assessor)>();
        for (var i = 0; i < 100; i++)
        {
            var assessor = assessors[i % assessors.Count];
            var outcome = await requests.CreateAsync(coordinator,
                new NewRatingRequest(measures[i % measures.Count].Measure.Number, null, null, [assessor.Id], null), $"sim-{i}", CancellationToken.None);
            Assert.True(outcome.Created, outcome.Message);
            ids.Add((outcome.Request!.Id, assessor));
        }
        var ours = ids.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);

        var job = app.Service<RatingReminderJob>();
        var flow = app.Service<RatingFlow>();
        for (var day = 1; day <= 35; day++)
        {
            foreach (var hour in new[] { 6, 12 }) // 07:00 and 13:00 in Berlin (winter time)
            {
                app.Time.Set(new DateTimeOffset(2026, 11, 21, hour, 0, 0, TimeSpan.Zero).AddDays(day));
                await job.RunOnceAsync(CancellationToken.None);
            }
            if (day == 17)
            {
                foreach (var (id, assessor) in ids.Take(30))
                {
                    var data = new JsonObject { ["ratingId"] = id, ["page"] = 1 };
                    foreach (var q in Answers("h", 3, 3, 3, 3, 3, 3, 3)) data["q_" + q.Key] = q.Value;
                    await flow.SavePageAsync(assessor, data, CancellationToken.None);
                    data = new JsonObject { ["ratingId"] = id, ["page"] = 2 };
                    foreach (var q in Answers("s", 3, 3, 3, 3, 3, 3, 3, 3)) data["q_" + q.Key] = q.Value;
                    await flow.SavePageAsync(assessor, data, CancellationToken.None);
                    var result = await flow.SubmitAsync(assessor, new JsonObject { ["ratingId"] = id }, CancellationToken.None);
                    Assert.IsType<CardActionResult.CardResult>(result);
                }
            }
        }

        var keys = (await app.Service<Proactive>().Outbox.ListAsync()).Select(e => e.MessageKey)
            .Where(k => ours.Contains(k.Split(':')[1])).ToList();
        var reminders = keys.Count(k => k.Contains(":reminder:", StringComparison.Ordinal));
        var overdueAssignments = keys.Where(k => k.Contains(":overdue:", StringComparison.Ordinal)).Select(k => k.Split(':')[1]).Distinct().Count();
        var submittedReminders = keys.Count(k => k.Contains(":reminder:", StringComparison.Ordinal) && ids.Take(30).Any(x => k.Contains(x.Id, StringComparison.Ordinal)));
        output.WriteLine($"100 requests, 35 days, 2 runs a day: {keys.Count(k => k.EndsWith(":request", StringComparison.Ordinal))} request cards, " +
                         $"{reminders} reminders ({submittedReminders} to the 30 who submitted on day 17), {overdueAssignments} overdue notices " +
                         $"({keys.Count(k => k.Contains(":overdue:", StringComparison.Ordinal))} overdue cards to coordinators)");
        Assert.Equal(100, keys.Count(k => k.EndsWith(":request", StringComparison.Ordinal)));
        Assert.Equal(70 * 3 + 30 * 1, reminders);
        Assert.Equal(30, submittedReminders);
        Assert.Equal(70, overdueAssignments);
        app.Time.Set(AppFactory.Now);
    }
}
