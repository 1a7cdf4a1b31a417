using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>The weekly request and the one reminder (R-INFO-1), run the way the timer does, on a moving clock.</summary>
public sealed class WeeklyInputJobTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Betreuer = Enumerable.Range(1, 8).Select(i => $"betr-{i:00}").ToArray();

    private async Task RunAtAsync(DateTimeOffset utc)
    {
        app.Time.Set(utc);
        await app.Service<WeeklyInputJob>().RunAsync(new TimerRun(utc, false), CancellationToken.None);
    }

    private async Task<OutboxEntry?> Queued(string key) => await app.Service<Proactive>().Outbox.GetAsync(key);

    [Fact]
    public async Task Request_goes_out_at_the_configured_Berlin_time_once_and_one_reminder_only_to_Betreuer_with_missing_inputs()
    {
        _ = app.CreateClient();
        var job = app.Service<WeeklyInputJob>();
        Assert.Equal("digest-requests", job.Name);
        try
        {
            // Monday 23.11.2026, 07:59 Berlin (06:59 UTC): the request (Monday 08:00) is not due yet.
            await RunAtAsync(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
            Assert.Null(await Queued("digest-request:2026-W48:betr-01:01"));

            // 08:00 Berlin: one card per Betreuer.
            await RunAtAsync(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
            foreach (var b in Betreuer) Assert.NotNull(await Queued($"digest-request:2026-W48:{b}:01"));
            var before = (await app.Service<Proactive>().Outbox.ListAsync()).Count;
            await RunAtAsync(new DateTimeOffset(2026, 11, 23, 7, 15, 0, TimeSpan.Zero)); // the next run queues nothing
            Assert.Equal(before, (await app.Service<Proactive>().Outbox.ListAsync()).Count);

            // The card is pre-filled with the system's figures and lists all the Betreuer's measures.
            await app.DrainOutboxAsync();
            var card = (await app.InboxAsync(DigestTestSupport.Aad("betr-01"))).Single(a => a.Text().Contains("Wochenmeldung KW 48/2026")).Text();
            foreach (var n in new[] { "962-A-2026-0401", "962-D-2026-0201", "962-E-2026-0101", "962-G-2026-0602" }) Assert.Contains(n, card);
            Assert.Contains("9 von 12 Plätzen belegt · 3 frei", card);
            Assert.Contains(CardVerbs.DigestInputSubmit, card);

            // betr-03 answers everything before the reminder.
            var betr03 = (await app.WeekAsync("koord-weber", "2026-W48", "")).AsObject()["measures"]!.AsArray()
                .Where(m => (string?)m!["betreuer"]!["id"] == "betr-03").ToList();
            foreach (var m in betr03)
            {
                var res = await app.ClientAs("koord-weber").PutAsync($"/api/digest/weeks/2026-W48/measures/{m!["number"]}",
                    System.Net.Http.Json.JsonContent.Create(new { occupied = (int)m["system"]!["occupied"]!, nextEntryDate = (string?)m["system"]!["nextEntryDate"], etag = (string?)null }));
                Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
            }

            // Wednesday 10:00 Berlin: one reminder, only with the measures still missing, and not to betr-03.
            await RunAtAsync(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
            Assert.NotNull(await Queued("digest-reminder:2026-W48:betr-01:01"));
            Assert.Null(await Queued("digest-reminder:2026-W48:betr-03:01"));
            var markers = await app.Service<DigestInputRepository>().ListRequestsAsync(Domain.Digest.WeekKey.Parse("2026-W48"), CancellationToken.None);
            Assert.Equal(0, markers["betr-03"].ReminderMeasures);
            Assert.Equal(4, markers["betr-01"].ReminderMeasures);
            await app.DrainOutboxAsync();
            Assert.Contains(await app.InboxAsync(DigestTestSupport.Aad("betr-01")), a => a.Text().Contains("Erinnerung: Wochenmeldung KW 48/2026"));

            var count = (await app.Service<Proactive>().Outbox.ListAsync()).Count;
            await RunAtAsync(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)); // "one reminder": never a second
            Assert.Equal(count, (await app.Service<Proactive>().Outbox.ListAsync()).Count);
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }
}
