using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Digest;
using TeamsAmdl.Functions.Tests.Ratings;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// Issue 12, item 4: an idempotency key is bound to its request. The same key with the same content returns the first
/// result (as before); with other content it is a 422 and nothing is created, sent or filed (it silently returned the
/// first result); concurrent requests with one key still run once.
/// </summary>
public sealed class IdempotencyBindingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_rating_request_key_reused_with_other_content_is_422_and_sends_nothing()
    {
        var (s1, first) = await app.CreateRequestAsync("962-E-2026-0104", ["betr-04"], idempotencyKey: "tab-click-7");
        Assert.Equal(201, s1);
        var (s2, reused) = await app.CreateRequestAsync("962-E-2026-0104", ["betr-04", "koord-yilmaz"], idempotencyKey: "tab-click-7");
        Assert.Equal(422, s2);
        Assert.Equal("idempotency_key_reused", (string?)reused["code"]);
        Assert.Contains("Idempotency-Key", (string?)reused["title"]);
        var (s3, _) = await app.CreateRequestAsync("962-E-2026-0105", ["betr-04"], idempotencyKey: "tab-click-7");
        Assert.Equal(422, s3);

        var outbox = await app.Service<Proactive>().Outbox.ListAsync();
        Assert.DoesNotContain(outbox, e => e.MessageKey == RatingRequests.InvitationKey((string)first["id"]!, "koord-yilmaz"));
        var stored = (await app.Service<RatingStore>().LoadAsync((string)first["id"]!, CancellationToken.None))!;
        Assert.Equal(["betr-04"], stored.Request.AssessorIds);

        // The same content again is still the first request.
        var (s4, again) = await app.CreateRequestAsync("962-E-2026-0104", ["betr-04"], idempotencyKey: "tab-click-7");
        Assert.Equal((200, (string?)first["id"]), (s4, (string?)again["id"]));
    }

    [Fact]
    public async Task Concurrent_creates_with_one_key_run_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            app.CreateRequestAsync("962-E-2026-0105", ["betr-05"], idempotencyKey: "double-click-3")));
        Assert.Single(results, r => r.Status == 201);
        Assert.All(results, r => Assert.True(r.Status is 200 or 201, r.Body.ToJsonString()));
        var id = (string?)results[0].Body["id"];
        Assert.All(results, r => Assert.Equal(id, (string?)r.Body["id"]));
        var outbox = await app.Service<Proactive>().Outbox.ListAsync();
        Assert.Single(outbox, e => e.MessageKey == RatingRequests.InvitationKey(id!, "betr-05"));
    }

    [Fact]
    public async Task A_publish_id_reused_for_other_targets_or_another_week_is_422_and_sends_and_files_nothing_more()
    {
        var client = app.ClientAs("koord-weber");
        var publishId = Guid.NewGuid().ToString();
        await app.PublishAndWaitAsync(client, "2026-W46", new { publishId, teamleitung = true, confirmMissing = true, correction = true });
        var outbox = app.Service<Proactive>().Outbox;
        var filing = app.Service<TeamsAmdl.Filing.FilingOutbox>();
        var queued = (await outbox.ListAsync()).Count;
        var filed = (await filing.ListAsync()).Count;

        foreach (var (week, ifk) in new[] { ("2026-W46", true), ("2026-W47", false) })
        {
            var reused = await client.PostAsJsonAsync($"/api/digest/weeks/{week}/publish", new { publishId, ifk, teamleitung = true, confirmMissing = true });
            var body = await reused.Content.ReadAsStringAsync();
            Assert.True(reused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{week}: {(int)reused.StatusCode} {body}");
            Assert.Equal("publish_id_reused", (string?)JsonNode.Parse(body)!["code"]);
        }
        Assert.Equal(queued, (await outbox.ListAsync()).Count);
        Assert.Equal(filed, (await filing.ListAsync()).Count);
        Assert.Equal("2026-W46", (await app.Service<DigestHistory>().GetAsync(publishId, CancellationToken.None))!.Week);

        // The same request again is a repeat, as before.
        var again = await client.PostAsJsonAsync("/api/digest/weeks/2026-W46/publish", new { publishId, teamleitung = true, confirmMissing = true });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.True((bool)(await again.Content.ReadFromJsonAsync<JsonObject>())!["repeated"]!);
    }
}
