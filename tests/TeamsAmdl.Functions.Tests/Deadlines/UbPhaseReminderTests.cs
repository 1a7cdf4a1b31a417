using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Deadlines.Functions;
using TeamsAmdl.Functions.Participants;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Tests.Ratings;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// December 2026 on the fake clock through the timer function, twice a day: a UB participant moves into the Qualifizierungsphase
/// on Monday 7.12. (recorded that day) and leaves on Friday 18.12. (Abbruch). The LuV at the end of each phase is reminded like
/// every Träger report: the Betreuer on the first working day after its due day, the Koordinator on the 5th working day
/// (24 December counts, Christmas does not); the second run of a day queues nothing.
/// </summary>
public sealed class UbPhaseReminderTests(QueueOnlyAppFactory app) : IClassFixture<QueueOnlyAppFactory>
{
    private const string Ub = "962-U-PHR-0001";
    private const string Betreuer = "betr-01", Koordinator = "koord-yilmaz";

    [Fact]
    public async Task Phase_LuVs_are_reminded_to_the_Betreuer_then_the_Koordinator_once_each()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        await app.AddMeasureAsync(Ub, MeasureKind.UbInbeq, Betreuer, Koordinator, D("2026-09-01"), D("2028-08-31"));
        await app.AddParticipationAsync(new Participation(Ub, "TN-9310-01", D("2026-10-05"), IfkId: "ifk-anna-zimmermann"));
        var betreuer = (await app.Services.GetRequiredService<StaffRepository>().GetAsync(Betreuer))!;
        var phases = app.Services.GetRequiredService<ParticipantPhases>();
        var job = app.Services.GetRequiredService<DeadlineReminderJob>();
        var timer = new DeadlineReminderTimer(job, app.Time);
        var outbox = app.Services.GetRequiredService<Proactive>().Outbox;
        var firstSeen = new Dictionary<string, DateOnly>(StringComparer.Ordinal);

        for (var day = D("2026-12-01"); day <= D("2026-12-31"); day = day.AddDays(1))
        {
            app.Time.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero));
            if (day == D("2026-12-07"))
                Assert.True((await phases.ChangePhaseAsync(betreuer, Ub, "TN-9310-01", "Qualifizierung", day, default)).Ok);
            if (day == D("2026-12-18"))
                await app.Services.GetRequiredService<Tables>().Measures.UpdateEntityAsync(new TableEntity(Ub, PlaceEntity.ParticipationKey("TN-9310-01", D("2026-10-05")))
                {
                    [nameof(PlaceEntity.Exit)] = "2026-12-18", [nameof(PlaceEntity.ExitReason)] = nameof(ExitReason.Abbruch), [nameof(PlaceEntity.Until)] = "2026-12-18",
                }, Azure.ETag.All, TableUpdateMode.Merge);

            await timer.Run(new TimerInfo(), CancellationToken.None);
            foreach (var key in (await outbox.ListAsync()).Select(e => e.MessageKey).Where(k => k.Contains($"{Ub}:LuV", StringComparison.Ordinal)))
                firstSeen.TryAdd(key, day);

            app.Time.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            Assert.Equal(new DeadlineReminderRun(0, 0), await job.RunOnceAsync(CancellationToken.None));
        }

        string[] expected =
        [
            $"deadline:{Ub}:LuVEinstiegsphase:TN-9310-01:2026-12-06:Overdue:{Betreuer} 2026-12-08",          // ended Sun 6.12. → due Mon 7.12.
            $"deadline:{Ub}:LuVEinstiegsphase:TN-9310-01:2026-12-06:Escalated:{Koordinator} 2026-12-14",      // 8, 9, 10, 11, 14
            $"deadline:{Ub}:LuVQualifizierungsphase:TN-9310-01:2026-12-18:Overdue:{Betreuer} 2026-12-21",     // the exit (Fri 18.12.) ends it
            $"deadline:{Ub}:LuVQualifizierungsphase:TN-9310-01:2026-12-18:Escalated:{Koordinator} 2026-12-28", // 21, 22, 23, 24, 28
        ];
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal),
            firstSeen.Select(kv => $"{kv.Key} {kv.Value:yyyy-MM-dd}").OrderBy(s => s, StringComparer.Ordinal));
    }
}
