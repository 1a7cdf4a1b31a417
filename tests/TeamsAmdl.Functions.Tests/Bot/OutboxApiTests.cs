using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>GET /api/outbox and POST /api/outbox/requeue: what needs attention, and sending it again.</summary>
public sealed class OutboxApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private async Task<OutboxEntry> WaitForAsync(string key, OutboxStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var entry = await Service<Proactive>().Outbox.GetAsync(key);
            if (entry?.Status == status || DateTime.UtcNow > deadline) return entry!;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_list_is_paged_on_the_server_with_a_continuation_header()
    {
        var client = app.ClientAs("koord-weber");
        var staff = (await Service<StaffRepository>().GetAsync("ifk-laura-krueger"))!;
        var keys = Enumerable.Range(0, 3).Select(i => $"test:outbox-page:{i}").ToList();
        await Service<Proactive>().SendCardAsync(keys.Select(k => (staff, k)).ToList(), _ => ErrorCard.Build(new ErrorCardData("Test")), CancellationToken.None);
        foreach (var key in keys) await WaitForAsync(key, OutboxStatus.Sent);

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var res = await client.GetAsync("/api/outbox?status=Sent&max=2" + (next is null ? "" : "&continuation=" + Uri.EscapeDataString(next)));
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var page = (await res.Content.ReadFromJsonAsync<JsonArray>())!;
            Assert.InRange(page.Count, 0, 2);
            seen.AddRange(page.Select(e => (string)e!["messageKey"]!));
            next = res.Headers.TryGetValues("X-Continuation-Token", out var v) ? v.Single() : null;
            pages++;
        } while (next is not null && pages < 500);
        Assert.Null(next);
        Assert.True(pages >= 2);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(keys, k => Assert.Contains(k, seen));
    }

    [Fact]
    public async Task A_failed_message_is_listed_for_the_coordination_and_can_be_sent_again_once_the_cause_is_fixed()
    {
        var client = app.ClientAs("koord-weber");
        var staff = (await Service<StaffRepository>().GetAsync("ifk-laura-krueger"))!;
        const string key = "test:outbox-api:1";
        await Service<Proactive>().SendCardAsync([(staff, key)], _ => ErrorCard.Build(new ErrorCardData("Test")), CancellationToken.None);
        Assert.Equal(OutboxStatus.Sent, (await WaitForAsync(key, OutboxStatus.Sent)).Status);

        // As the worker leaves it when Teams refuses the message for good (403: the user blocked the bot).
        var table = Service<Tables>().Get(ProactiveSetup.OutboxTable);
        var row = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"MessageKey eq {key}")).FirstAsync();
        await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Status"] = "Failed", ["LastErrorCode"] = "ConversationBlockedByUser", ["LastHttpStatus"] = 403,
        }, row.ETag, TableUpdateMode.Merge);

        var attention = (await client.GetFromJsonAsync<JsonArray>("/api/outbox"))!;
        var listed = Assert.Single(attention, e => (string?)e!["messageKey"] == key)!;
        Assert.Equal("Failed", (string?)listed["status"]);
        Assert.Equal("ConversationBlockedByUser", (string?)listed["lastErrorCode"]);
        Assert.Equal(403, (int?)listed["lastHttpStatus"]);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonArray>("/api/outbox?status=Sent&max=1000"))!, e => (string?)e!["messageKey"] == key);

        var requeued = await client.PostAsJsonAsync("/api/outbox/requeue", new { messageKey = key });
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        Assert.Equal("Pending", (string?)(await requeued.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(OutboxStatus.Sent, (await WaitForAsync(key, OutboxStatus.Sent)).Status);

        var again = await client.PostAsJsonAsync("/api/outbox/requeue", new { messageKey = key });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("bereits gesendet", await again.Content.ReadAsStringAsync()); // German, not the enum name (issue 12)
    }

    [Theory]
    [InlineData("GET", "/api/outbox?status=Verschwunden", null, 400, "Unbekannter Status")]
    [InlineData("GET", "/api/outbox?status=2", null, 400, "Unbekannter Status")]
    [InlineData("GET", "/api/outbox?max=0", null, 400, "„max“")]
    [InlineData("GET", "/api/outbox?max=viele", null, 400, "„max“")]
    [InlineData("GET", "/api/outbox?continuation=%25%25", null, 400, "„continuation“")]
    [InlineData("POST", "/api/outbox/requeue", """{"messageKey":"gibt-es-nicht"}""", 404, "gibt es nicht")]
    [InlineData("POST", "/api/outbox/requeue", """{"messageKey":"  "}""", 400, "messageKey")]
    public async Task Bad_requests_get_a_precise_status_and_a_german_message(string method, string path, string? body, int status, string text)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var res = await app.ClientAs("koord-weber").SendAsync(request);
        Assert.Equal(status, (int)res.StatusCode);
        Assert.Contains(text, await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_IFK_may_not_look_at_the_deliveries()
    {
        var res = await app.ClientAs("ifk-laura-krueger").GetAsync("/api/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Contains("Zustellungen des Bots", await res.Content.ReadAsStringAsync());
        var requeue = await app.ClientAs("ifk-laura-krueger").PostAsJsonAsync("/api/outbox/requeue", new { messageKey = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, requeue.StatusCode);
    }
}
