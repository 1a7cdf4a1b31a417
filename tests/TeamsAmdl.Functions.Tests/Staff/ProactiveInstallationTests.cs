using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Staffing;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static TeamsAmdl.Functions.Tests.Staffing.FakeEntraGraph;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>
/// Issue 13, end to end on empty storage (Seed:Demo=false): staff from the Entra sync; a free place comes up; an IFK
/// who never opened the app gets no card at first, Graph is asked to install the app for them, and once Teams reports
/// the conversation (conversationUpdate over POST api/messages) the card arrives — exactly once.
/// </summary>
public sealed class ProactiveInstallationTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const string Number = "962-E-2026-7001";

    /// <summary>What Teams posts when the app is installed for <paramref name="aad"/> (the personal conversation exists).</summary>
    internal static JsonObject ConversationUpdate(string aad, string name, string tenantId, string? id = null) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = id ?? "cu-" + Guid.NewGuid().ToString("N")[..12],
        ["timestamp"] = "2026-11-21T10:05:00Z",
        ["serviceUrl"] = FreePlacesAppFactory.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad },
        ["recipient"] = new JsonObject { ["id"] = "28:" + FreePlacesAppFactory.AppId, ["name"] = "TeamsAmdl" },
        ["conversation"] = new JsonObject { ["id"] = DevConversations.Personal(aad), ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + FreePlacesAppFactory.AppId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };

    private static bool IsAlert(DevInboxEntity row) => FreePlacesAppFactory.Text(row.ReadActivity()).Contains(Number, StringComparison.Ordinal);

    [Fact]
    public async Task An_IFK_who_never_opened_the_app_gets_the_free_place_card_once_after_the_installation()
    {
        _ = app.CreateClient();
        Assert.Empty(await app.Service<StaffRepository>().ListAsync()); // empty storage
        await app.Service<StaffSync>().RunAsync(CancellationToken.None);
        var tenant = app.Service<Proactive>().TenantId;
        string opened = U(3), neverOpened = U(4); // IFKs of Team U25, subscribed by default
        string[] others = [U(5), U(6), U(7), U(8), U(9)];

        // One IFK has used the app before: the bot has a conversation with her.
        await app.PostActivityAsync(ConversationUpdate(opened, "Laura Krüger", tenant));

        // A full measure of Team U25 (Betreuer U10, Koordinator U1) …
        var today = BerlinCalendar.Today(app.Time);
        await app.Service<TraegerRepository>().UpsertAsync(new Traeger("tr-installation", "Bildungswerk Beispiel", "Musterstadt"));
        await app.Service<MeasureRepository>().UpsertAsync(Measure.Create(Number, "Bewerbungscoaching", MeasureKind.Einkaufsmassnahme,
            "§ 45 SGB III", "tr-installation", "Musterstadt-Mitte", today.AddDays(-30), today.AddDays(300),
            Capacity.Create(MeasureKind.Einkaufsmassnahme, 1), null, U(10), U(1), "team-u25"));
        await app.Service<Tables>().Measures.AddEntityAsync(PlaceEntity.From(new Participation(Number, "TN-7001-01", today.AddDays(-20)), app.Time.GetUtcNow()));

        // … where the Betreuer records an exit: one place is free.
        var exit = await app.As(U(10)).PostAsJsonAsync($"/api/measures/{Number}/exits",
            new { customerRef = "TN-7001-01", exitDate = today.AddDays(-1).ToString("yyyy-MM-dd"), reason = "Abbruch" });
        var exitBody = (await exit.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(exit.IsSuccessStatusCode, exitBody.ToJsonString());
        Assert.Equal(7, (int)exitBody["alert"]!["recipients"]!);

        // The IFK with a conversation gets the card at once.
        Assert.Single(await WaitAsync(() => app.InboxOfAsync(opened), rows => rows.Any(IsAlert)), IsAlert);

        // The others: the app is installed for them through Graph, their cards wait.
        await WaitAsync(() => Task.FromResult(app.Graph.Installs), installs => installs.Count >= 6);
        var installs = app.Graph.Installs;
        Assert.Equal(others.Append(neverOpened).Order(), installs.Select(r => r.PathAndQuery.Split('/')[3]).Order());
        Assert.All(installs, r => Assert.Equal(201, r.Status));
        Assert.All(installs, r => Assert.Equal($"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{CatalogAppId}",
            (string?)JsonNode.Parse(r.Body!)!["teamsApp@odata.bind"]));
        Assert.DoesNotContain(installs, r => r.PathAndQuery.Contains(opened, StringComparison.Ordinal));
        var held = Assert.Single(await app.Service<PendingCardStore>().ListAsync(neverOpened, CancellationToken.None));
        Assert.StartsWith($"fp:alert:{neverOpened}:", held.MessageKey, StringComparison.Ordinal);
        Assert.Null(await app.Service<Proactive>().Outbox.GetAsync(held.MessageKey));
        Assert.Empty(await app.InboxOfAsync(neverOpened));

        // Teams installed the app and tells the bot: the conversation exists, the card goes out.
        var update = ConversationUpdate(neverOpened, "Kevin Werner", tenant);
        await app.PostActivityAsync(update);
        var delivered = Assert.Single(await WaitAsync(() => app.InboxOfAsync(neverOpened), rows => rows.Any(IsAlert)));
        Assert.Equal("Freie Plätze: Bewerbungscoaching", (string?)FreePlacesAppFactory.AttachmentCard(delivered)!["body"]![0]!["text"]);
        Assert.Equal(OutboxStatus.Sent, (await app.Service<Proactive>().Outbox.GetAsync(held.MessageKey))!.Status);
        Assert.Empty(await app.Service<PendingCardStore>().ListAsync(neverOpened, CancellationToken.None));

        // Exactly once: the same update redelivered, another one, and the timer's safety net send nothing new.
        await app.PostActivityAsync(update);
        await app.PostActivityAsync(ConversationUpdate(neverOpened, "Kevin Werner", tenant));
        await app.Service<AppInstallation>().RetryAsync(tenant, CancellationToken.None);
        await Task.Delay(1000);
        Assert.Single(await app.InboxOfAsync(neverOpened));
        // The others still wait (nothing lost, nothing sent).
        foreach (var ifk in others)
        {
            Assert.Single(await app.Service<PendingCardStore>().ListAsync(ifk, CancellationToken.None));
            Assert.Empty(await app.InboxOfAsync(ifk));
        }
        // Installing again is no error: Graph answers 409, the card keeps waiting.
        app.Time.Advance(TimeSpan.FromHours(2));
        await app.Service<AppInstallation>().RetryAsync(tenant, CancellationToken.None);
        Assert.Equal(5, app.Graph.Requests.Count(r => r.Status == 409));
        Assert.Single(await app.Service<PendingCardStore>().ListAsync(U(5), CancellationToken.None));
    }

    internal static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }
}
