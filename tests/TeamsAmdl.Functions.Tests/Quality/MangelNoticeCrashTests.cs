using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// Issue 15 leftover: a Mangel step's cards survive a crash between saving the step and queuing the cards. The "crash" is
/// a MangelService whose bot fails after the row is written (on Azurite); the reminder timer then queues the cards from
/// the pending marker on the row — once, however often it runs — and a step without a crash leaves no marker behind.
/// </summary>
public sealed class MangelNoticeCrashTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Measure = "962-E-2026-0101"; // Koordination koord-weber, Betreuung betr-01; regular-3 on 01.10.2026 (past)
    private const string Sqs = "sqs-krause";

    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private async Task<IReadOnlyList<string>> KeysAsync(string mangelId, MangelAction step) =>
        (await Service<Proactive>().Outbox.ListByKeyPrefixAsync($"mangel:{Measure}:{mangelId}:{step}:")).Select(e => e.MessageKey).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_crash_after_the_step_is_saved_still_delivers_its_cards_exactly_once_through_the_timer()
    {
        var recorded = await app.ClientAs("koord-weber").PostAsJsonAsync($"/api/measures/{Measure}/inspections/regular-3/record", new
        {
            attendees = new[] { "koord-weber" }, findings = "Personal fehlt.", contactType = 3,
            maengel = new[] { new { description = "Kein Sozialpädagoge vor Ort", serious = true }, new { description = "Aushang fehlt", serious = true } },
        });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());

        // The process "dies" right after the row is written: its bot is gone.
        var crashing = ActivatorUtilities.CreateInstance<MangelService>(app.Services,
            new Lazy<Proactive>(() => throw new IOException("Prozess beendet nach dem Speichern")));
        var sqs = Service<StaffRepository>();
        var me = (await sqs.GetAsync(Sqs, default))!;
        var caller = new CurrentUser(me.Id, me.DisplayName, me.Roles.ToHashSet());
        await Assert.ThrowsAsync<IOException>(() => crashing.TransitionAsync(caller, Measure, "regular-3-m1", new MangelTransitionBody("Stufe2", null), default));

        var saved = (await Service<InspectionStore>().GetMangelAsync(Measure, "regular-3-m1", default))!.Value;
        Assert.Equal(MangelStatus.Stufe2, saved.Status);
        Assert.Equal([MangelAction.Stufe2], saved.PendingNotices);
        Assert.Empty(await KeysAsync("regular-3-m1", MangelAction.Stufe2));

        // The restarted app's timer queues the cards to Koordination and Betreuung, twice run, once queued; the marker is gone.
        var job = Service<InspectionReminderJob>();
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);
        var expected = new[] { "betr-01", "koord-weber" }.Select(p => MangelService.NoticeKey(Measure, "regular-3-m1", MangelAction.Stufe2, p)).ToList();
        Assert.Equal(expected, await KeysAsync("regular-3-m1", MangelAction.Stufe2));
        Assert.Null((await Service<InspectionStore>().GetMangelAsync(Measure, "regular-3-m1", default))!.Value.PendingNotices);

        // A later step on the same Mangel without a crash: cards queued at once, no marker left for the timer.
        var leitung = await app.ClientAs(Sqs).PostAsJsonAsync($"/api/measures/{Measure}/maengel/regular-3-m1/transitions", new { action = "LeitungInformieren" });
        Assert.True(leitung.IsSuccessStatusCode, await leitung.Content.ReadAsStringAsync());
        Assert.NotEmpty(await KeysAsync("regular-3-m1", MangelAction.LeitungInformieren));
        Assert.Null((await Service<InspectionStore>().GetMangelAsync(Measure, "regular-3-m1", default))!.Value.PendingNotices);
        Assert.Equal(expected, await KeysAsync("regular-3-m1", MangelAction.Stufe2));

        // The other Mangel never crashed: its step leaves nothing pending either.
        var other = await app.ClientAs(Sqs).PostAsJsonAsync($"/api/measures/{Measure}/maengel/regular-3-m2/transitions", new { action = "Stufe2" });
        Assert.Equal("Stufe2", (string)JsonNode.Parse(await other.Content.ReadAsStringAsync())!["status"]!);
        Assert.Equal(expected.Select(k => k.Replace("regular-3-m1", "regular-3-m2", StringComparison.Ordinal)), await KeysAsync("regular-3-m2", MangelAction.Stufe2));
        Assert.Null((await Service<InspectionStore>().GetMangelAsync(Measure, "regular-3-m2", default))!.Value.PendingNotices);
    }
}
