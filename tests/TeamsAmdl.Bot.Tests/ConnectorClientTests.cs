using System.Diagnostics;
using System.Text.Json;
using Azure.Core.Pipeline;
using TeamsAmdl.Bot.Tests.Support;

namespace TeamsAmdl.Bot.Tests;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1700000000000";

    private FakeConnector _connector = null!;
    private readonly FakeTokenCredential _credential = new();

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private ConnectorClient CreateClient(int maxRetries = 5)
    {
        var options = new ConnectorClientOptions { Transport = new HttpClientTransport(TestCertificate.CreateTrustingHandler()) };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10); // shrunk backoff; Retry-After is never shrunk
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return new ConnectorClient(_credential, options);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Create_send_reply_update_delete_round_trip_uses_the_v3_paths_bodies_and_bearer_token()
    {
        var client = CreateClient();

        var conversation = await client.CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user", AadObjectId = "aad-1" }],
            TenantId = "tenant-a",
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-a" } }),
        });
        var sent = await client.SendToConversationAsync(_connector.ServiceUrl, conversation.Id!, Message("Neue Zuweisung"));
        var reply = await client.ReplyToActivityAsync(_connector.ServiceUrl, TeamsConversationId, "1700000000000", Message("Antwort"));
        var updated = await client.UpdateActivityAsync(_connector.ServiceUrl, conversation.Id!, sent.Id!, Message("Zuweisung geändert"));
        await client.DeleteActivityAsync(_connector.ServiceUrl, conversation.Id!, sent.Id!);

        Assert.Equal("a:new-aad-1", conversation.Id);
        Assert.Equal("first-activity", conversation.ActivityId);
        Assert.Equal(_connector.ServiceUrl, conversation.ServiceUrl);
        Assert.Equal("msg-1", sent.Id);
        Assert.Equal("msg-2", reply.Id);
        Assert.Equal("msg-1", updated.Id);

        var requests = _connector.Requests.ToArray();
        Assert.Equal(
            [
                ("POST", "/emea/v3/conversations"),
                ("POST", "/emea/v3/conversations/a:new-aad-1/activities"),
                ("POST", $"/emea/v3/conversations/{TeamsConversationId}/activities/1700000000000"),
                ("PUT", "/emea/v3/conversations/a:new-aad-1/activities/msg-1"),
                ("DELETE", "/emea/v3/conversations/a:new-aad-1/activities/msg-1"),
            ],
            requests.Select(r => (r.Method, r.Path)).ToArray());
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(TeamsConversationId)}/activities/1700000000000", requests[2].RawTarget);
        Assert.All(requests, r => Assert.Equal("Bearer fake-bot-token", r.Authorization));
        Assert.All(requests.Take(4), r => Assert.StartsWith("application/json", r.ContentType));
        Assert.All(_credential.RequestedScopes, scopes => Assert.Equal(["https://api.botframework.com/.default"], scopes));

        var create = requests[0].Json;
        Assert.False(create.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot", create.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("aad-1", create.GetProperty("members")[0].GetProperty("aadObjectId").GetString());
        Assert.Equal("tenant-a", create.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(create.TryGetProperty("activity", out _), "nulls are omitted");
        Assert.Equal("message", requests[1].Json.GetProperty("type").GetString());
        Assert.Equal("Neue Zuweisung", requests[1].Json.GetProperty("text").GetString());
        Assert.Equal("Zuweisung geändert", requests[3].Json.GetProperty("text").GetString());
        Assert.Equal("", requests[4].Body);
    }

    [Fact]
    public async Task Status_429_waits_the_full_Retry_After_then_delivers_once()
    {
        _connector.Enqueue(429, """{"error":{"code":"TooManyRequests","message":"Slow down"}}""", ("Retry-After", "2"));
        var client = CreateClient();

        var stopwatch = Stopwatch.StartNew();
        var sent = await client.SendToConversationAsync(_connector.ServiceUrl, "a:conv", Message("Hallo"));
        stopwatch.Stop();

        Assert.Equal("msg-1", sent.Id);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(2), $"waited only {stopwatch.Elapsed}");
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(20), "server-side gap below Retry-After");
        Assert.Single(_connector.DeliveredActivities);
    }

    [Fact]
    public async Task Retry_After_beyond_the_limit_is_not_shortened_but_surfaced()
    {
        _connector.Enqueue(429, null, ("Retry-After", "3600"));
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:conv", Message("Hallo")));

        Assert.Equal(429, error.Status);
        Assert.False(error.IsPermanent);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Status_403_is_permanent_with_error_code_and_not_retried()
    {
        _connector.Enqueue(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is not allowed to send messages."}}""");
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:conv", Message("Hallo")));

        Assert.Equal(403, error.Status);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Equal("Bot is not allowed to send messages.", error.ErrorMessage);
        Assert.True(error.IsPermanent);
        Assert.Contains("MessageWritesBlocked", error.Message);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Status_404_is_final()
    {
        _connector.Enqueue(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""");
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.UpdateActivityAsync(_connector.ServiceUrl, "a:gone", "msg-9", Message("x")));

        Assert.Equal(404, error.Status);
        Assert.Equal("ConversationNotFound", error.ErrorCode);
        Assert.True(error.IsPermanent);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(412)]
    [InlineData(504)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Transient_status_is_retried_and_delivered_once(int status)
    {
        _connector.Enqueue(status, "Bad Gateway");
        var client = CreateClient();

        var sent = await client.SendToConversationAsync(_connector.ServiceUrl, "a:conv", Message("Hallo"));

        Assert.Equal("msg-1", sent.Id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Single(_connector.DeliveredActivities);
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_max_retries_as_non_permanent()
    {
        for (var i = 0; i < 3; i++) _connector.Enqueue(503, "<html>unavailable</html>");
        var client = CreateClient(maxRetries: 2);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:conv", Message("Hallo")));

        Assert.Equal(503, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Equal("<html>unavailable</html>", error.ErrorMessage);
        Assert.False(error.IsPermanent);
        Assert.Equal(3, _connector.Requests.Count);
        Assert.Empty(_connector.DeliveredActivities);
    }

    [Fact]
    public async Task Unreachable_connector_surfaces_as_status_0_after_retries()
    {
        var client = CreateClient(maxRetries: 1);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("https://127.0.0.1:9/", "a:conv", Message("Hallo")));

        Assert.Equal(0, error.Status);
        Assert.False(error.IsPermanent);
    }

    [Fact]
    public async Task Non_https_service_url_is_refused_before_any_token_is_sent()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync("http://127.0.0.1:9/", "a:conv", Message("Hallo")));

        Assert.Empty(_credential.RequestedScopes);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities/x")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities/x")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net/v3/conversations/a%3A1/activities/x")]
    public void Uri_keeps_the_service_url_path_and_escapes_ids(string serviceUrl, string expected) =>
        Assert.Equal(expected, ConnectorClient.BuildUri(serviceUrl, "a:1", "x").AbsoluteUri);

    [Theory]
    [InlineData(400, true)]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(401, false)]
    [InlineData(412, false)]
    [InlineData(429, false)]
    [InlineData(502, false)]
    [InlineData(0, false)]
    public void IsPermanent_classifies_statuses(int status, bool permanent) =>
        Assert.Equal(permanent, new ConnectorException(status, null, null).IsPermanent);
}
