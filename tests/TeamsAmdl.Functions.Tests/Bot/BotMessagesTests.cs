using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>
/// POST /api/messages end to end: real parsing, real Bot Connector token validation (against a local OpenID
/// server with a test key), routing, idempotency, and the dev connector as the outbound side. Each test uses its
/// own demo user, so the tests of this class do not see each other's rows.
/// </summary>
public sealed class BotMessagesTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private Task<IReadOnlyList<DevInboxEntity>> InboxAsync(string staffId) =>
        Service<DevInboxStore>().ListAsync(TestActivities.Aad(staffId), 50, CancellationToken.None);

    private async Task<IReadOnlyList<StoredConversationReference>> ReferencesAsync(string staffId) =>
        await Service<ConversationReferenceStore>().GetUserAsync("tenant-1", TestActivities.Aad(staffId)) is { } r ? [r] : [];

    private async Task<int> PingEventsAsync(string staffId) =>
        (await Service<BotEventLog>().ListAsync(staffId, PingHandler.EventKind)).Count;

    private static async Task<JsonObject> InvokeBodyAsync(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/json", res.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await res.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IEnumerable<JsonObject> ExecuteActions(JsonNode? card) =>
        (card?["actions"] as JsonArray ?? []).OfType<JsonObject>().Where(a => (string?)a["type"] == "Action.Execute");

    [Fact]
    public async Task Malformed_activity_is_400_problem_json_and_nothing_is_processed()
    {
        const string user = "ifk-anna-zimmermann";
        var broken = await app.PostAsync("{\"type\": \"installationUpdate\", ");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await broken.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_activity", (string?)problem["code"]);
        Assert.StartsWith("Die Bot-Nachricht ist ungültig: Ungültiges JSON", (string?)problem["title"]);

        // Well-formed JSON, valid token, but no serviceUrl: still rejected before anything happens.
        var install = TestActivities.Install(user);
        install.Remove("serviceUrl");
        var incomplete = await app.PostAsync(install.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("serviceUrl", (string?)JsonNode.Parse(await incomplete.Content.ReadAsStringAsync())!["title"]);

        Assert.Empty(await ReferencesAsync(user));
        Assert.Empty(await InboxAsync(user));
    }

    [Fact]
    public async Task Missing_or_forged_tokens_are_401_wrong_service_url_is_403_and_nothing_is_processed()
    {
        const string user = "ifk-lukas-braun";
        string Install() => TestActivities.Install(user).ToJsonString();

        var none = await app.PostAsync(Install(), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("bot_not_authenticated", (string?)JsonNode.Parse(await none.Content.ReadAsStringAsync())!["code"]);

        using var otherKey = RSA.Create(2048); // same kid, different key: the signature does not verify
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(Install(), app.Token(signWith: otherKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(Install(), app.Token(audience: "another-bot"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(Install(), app.Token(issuer: "https://evil.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(Install(), "not-a-jwt")).StatusCode);
        // A valid token issued for another serviceUrl does not cover this activity.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.PostAsync(Install(), app.Token(serviceUrl: "https://other.example/"))).StatusCode);

        var invoke = await app.PostAsync(TestActivities.Invoke(user, "ping").ToJsonString(), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, invoke.StatusCode);

        Assert.Empty(await ReferencesAsync(user));
        Assert.Empty(await InboxAsync(user));
        Assert.Equal(0, await PingEventsAsync(user));
    }

    [Fact]
    public async Task Install_records_the_conversation_reference_and_the_dev_connector_captures_the_WelcomeCard()
    {
        const string user = "ifk-miriam-hofmann";
        var install = TestActivities.Install(user, id: "install-1");
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(install.ToJsonString())).StatusCode);

        var reference = Assert.Single(await ReferencesAsync(user));
        Assert.Equal("a:personal-" + user, reference.ConversationId);
        Assert.Equal(BotAppFactory.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("tenant-1", reference.TenantId);
        Assert.Equal("28:" + BotAppFactory.AppId, reference.BotId);
        Assert.Equal(ConversationReferenceStatus.Active, reference.Status);

        var message = Assert.Single(await InboxAsync(user)).ReadActivity();
        Assert.Equal("message", (string?)message["type"]);
        Assert.Equal(TestActivities.Aad(user), (string?)message["recipient"]?["aadObjectId"]);
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("Willkommen bei TeamsAmdl!", (string?)card["body"]![0]!["text"]);
        Assert.Equal("Hallo Miriam Hofmann!", (string?)card["body"]![1]!["text"]);
        Assert.Empty(ExecuteActions(card)); // no "Verbindung testen" for end users (the buttons' request ids: BotCommandTests)
        Assert.DoesNotContain("\"ping\"", card.ToJsonString());

        // Teams redelivers the same installationUpdate: no second welcome.
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(install.ToJsonString())).StatusCode);
        Assert.Single(await InboxAsync(user));

        // Uninstall keeps the reference but marks it.
        var remove = TestActivities.Install(user);
        remove["action"] = "remove";
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(remove.ToJsonString())).StatusCode);
        Assert.Equal(ConversationReferenceStatus.Gone, Assert.Single(await ReferencesAsync(user)).Status);
        Assert.Single(await InboxAsync(user));
    }

    [Fact]
    public async Task The_answer_card_of_an_action_keeps_the_delivery_marker_of_the_card_it_replaces()
    {
        const string user = "tl-wolf";
        var marker = DeliveryMarker.For("test:marker:1");
        var data = new JsonObject { ["requestId"] = "req-marker-1", [DeliveryMarker.DataKey] = marker };
        var card = (await InvokeBodyAsync(await app.PostAsync(TestActivities.Invoke(user, "ping", data).ToJsonString())))["value"]!;

        var hidden = card["body"]!.AsArray().Last()!;
        Assert.Equal(marker, (string?)hidden["id"]);
        Assert.False((bool)hidden["isVisible"]!);
        Assert.Equal(marker, (string?)Assert.Single(ExecuteActions(card))["data"]?[DeliveryMarker.DataKey]);

        // Something that is not a marker is not copied anywhere.
        var forged = new JsonObject { ["requestId"] = "req-marker-2", [DeliveryMarker.DataKey] = "<b>amdl-delivery-x</b>" };
        var plain = (await InvokeBodyAsync(await app.PostAsync(TestActivities.Invoke(user, "ping", forged).ToJsonString())))["value"]!;
        Assert.DoesNotContain("amdl-delivery", plain.ToJsonString());
    }

    [Fact]
    public async Task Ping_invoke_answers_with_the_PingResultCard_in_the_http_response()
    {
        const string user = "koord-yilmaz";
        var res = await app.PostAsync(TestActivities.Invoke(user, "ping", new JsonObject { ["requestId"] = "req-ping-1" }).ToJsonString());
        var body = await InvokeBodyAsync(res);

        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var card = body["value"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("Verbindung steht", (string?)card["body"]![0]!["text"]);
        var facts = card["body"]![2]!["facts"]!.AsArray();
        Assert.Equal("Deniz Yılmaz", (string?)facts[0]!["value"]);
        Assert.Contains("2026-11-21T10:00:00Z", (string?)facts[1]!["value"]); // the app's clock
        // "Erneut testen" carries a new requestId: a click on it is a new action.
        var again = Assert.Single(ExecuteActions(card));
        Assert.NotEqual("req-ping-1", (string?)again["data"]?["requestId"]);
        Assert.Equal(1, await PingEventsAsync(user));
        Assert.Empty(await InboxAsync(user)); // the answer went back in the HTTP response, not via the connector
    }

    [Fact]
    public async Task The_same_action_delivered_twice_changes_state_once_and_gets_the_same_answer()
    {
        const string user = "ifk-daniel-hartwig";
        var data = new JsonObject { ["requestId"] = "req-twice" };
        var first = await (await app.PostAsync(TestActivities.Invoke(user, "ping", data, id: "delivery-1").ToJsonString())).Content.ReadAsStringAsync();
        // Teams retry (same activity) and a double click (new activity, same card action).
        var retry = await (await app.PostAsync(TestActivities.Invoke(user, "ping", data, id: "delivery-1").ToJsonString())).Content.ReadAsStringAsync();
        var doubleClick = await (await app.PostAsync(TestActivities.Invoke(user, "ping", data, id: "delivery-2").ToJsonString())).Content.ReadAsStringAsync();

        Assert.Equal(first, retry);
        Assert.Equal(first, doubleClick);
        Assert.Equal(1, await PingEventsAsync(user));

        // A click on the returned card's "Erneut testen" is a new action.
        var next = (string?)ExecuteActions(JsonNode.Parse(first)!["value"]).Single()["data"]!["requestId"];
        await InvokeBodyAsync(await app.PostAsync(TestActivities.Invoke(user, "ping", new JsonObject { ["requestId"] = next }).ToJsonString()));
        Assert.Equal(2, await PingEventsAsync(user));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_action_run_the_handler_once()
    {
        const string user = "ifk-laura-krueger";
        var before = app.Counting.Runs;
        var data = new JsonObject { ["requestId"] = "req-concurrent" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            await (await app.PostAsync(TestActivities.Invoke(user, "test-count", data, id: $"c-{i}").ToJsonString())).Content.ReadAsStringAsync()));

        Assert.Equal(before + 1, app.Counting.Runs);
        Assert.Single(answers.Distinct());
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)JsonNode.Parse(answers[0])!["type"]);
    }

    [Fact]
    public async Task Unknown_verb_is_a_400_error_response_with_a_german_message()
    {
        const string user = "ifk-sebastian-lange";
        var body = await InvokeBodyAsync(await app.PostAsync(
            TestActivities.Invoke(user, "zauberkurs", new JsonObject { ["requestId"] = "r1" }).ToJsonString()));

        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("unknown_verb", (string?)body["value"]!["code"]);
        Assert.Equal("Die Aktion „zauberkurs“ kennt die App nicht. Bitte laden Sie die Karte neu oder aktualisieren Sie die App.",
            (string?)body["value"]!["message"]);

        var noVerb = TestActivities.Invoke(user, "ping");
        noVerb["value"]!["action"]!.AsObject().Remove("verb");
        var missing = await InvokeBodyAsync(await app.PostAsync(noVerb.ToJsonString()));
        Assert.Equal(400, (int?)missing["statusCode"]);
        Assert.Equal("missing_verb", (string?)missing["value"]!["code"]);
    }

    [Fact]
    public async Task Unknown_user_gets_a_400_error_response_and_nothing_runs()
    {
        var invoke = TestActivities.Invoke("ifk-jana-schmitt", "ping", new JsonObject { ["requestId"] = "r-unknown" });
        invoke["from"]!["aadObjectId"] = Guid.NewGuid().ToString();
        var body = await InvokeBodyAsync(await app.PostAsync(invoke.ToJsonString()));

        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("unknown_user", (string?)body["value"]!["code"]);
        Assert.Contains("keiner Mitarbeiterin und keinem Mitarbeiter zugeordnet", (string?)body["value"]!["message"]);
        Assert.Equal(0, await PingEventsAsync("ifk-jana-schmitt"));
    }

    [Fact]
    public async Task The_Submit_fallback_acts_like_the_invoke_and_replaces_the_card_it_was_on()
    {
        const string user = "ifk-kevin-werner";
        // Any card message will do as the one the button was on: the (empty) task list of this IFK.
        var text = TestActivities.Base("message", user);
        text["text"] = "meine aufgaben";
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(text.ToJsonString())).StatusCode);
        var tasks = Assert.Single(await InboxAsync(user));
        Assert.Equal("Meine Aufgaben", (string?)tasks.ReadActivity()["attachments"]![0]!["content"]!["body"]![0]!["text"]);

        // An older client sends the Action.Submit fallback: a message whose value is the data plus "verb".
        var fallbackData = new JsonObject { ["verb"] = "ping", ["requestId"] = "req-fallback-kevin" };
        var submit = TestActivities.Base("message", user);
        submit["replyToId"] = tasks.RowKey;
        submit["value"] = fallbackData.DeepClone();
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(submit.ToJsonString())).StatusCode);
        Assert.Equal(1, await PingEventsAsync(user));
        var updated = Assert.Single(await InboxAsync(user)); // the card was replaced in the message, not sent anew
        Assert.NotNull(updated.UpdatedAt);
        Assert.Equal("Verbindung steht", (string?)updated.ReadActivity()["attachments"]![0]!["content"]!["body"]![0]!["text"]);

        // The same card action arriving as an invoke as well (e.g. another client of the same user): no second ping.
        var invoke = TestActivities.Invoke(user, "ping", new JsonObject { ["requestId"] = (string?)fallbackData["requestId"] });
        var body = await InvokeBodyAsync(await app.PostAsync(invoke.ToJsonString()));
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal(1, await PingEventsAsync(user));
    }

    [Fact]
    public async Task Other_invokes_are_501_and_conversation_updates_are_recorded()
    {
        const string user = "ifk-marcel-berger";
        var other = TestActivities.Base("invoke", user);
        other["name"] = "task/fetch";
        Assert.Equal(HttpStatusCode.NotImplemented, (await app.PostAsync(other.ToJsonString())).StatusCode);

        var update = TestActivities.Base("conversationUpdate", user);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + BotAppFactory.AppId });
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(update.ToJsonString())).StatusCode);
        Assert.Equal(ConversationReferenceStatus.Active, Assert.Single(await ReferencesAsync(user)).Status);
        Assert.Empty(await InboxAsync(user)); // the welcome comes with installationUpdate only
    }
}
