using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamsAmdl.Bot.Tests.Support;

namespace TeamsAmdl.Bot.Tests.Connector;

/// <summary>
/// <see cref="ConnectorClient.ForLoopbackEmulator"/> against a plain-http stand-in answering like the Agents Playground's
/// /_connector (observed with 0.2.28): a new activity 201 {id}, a reply (…/activities/{replyToId}) 202 without a body.
/// </summary>
public sealed class LoopbackEmulatorClientTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Method, string Path, string Authorization)> _requests = new();
    private WebApplication _app = null!;
    private string _serviceUrl = "";

    public async Task InitializeAsync()
    {
        string baseUrl;
        (_app, baseUrl) = await LocalHost.StartAsync(app => app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            _requests.Enqueue((context.Request.Method, path, context.Request.Headers.Authorization.ToString()));
            var isReply = context.Request.Method == "POST" && !path.EndsWith("/activities", StringComparison.Ordinal);
            context.Response.StatusCode = isReply ? 202 : 201;
            if (!isReply) await context.Response.WriteAsJsonAsync(new { id = "pg-1" });
        }));
        _serviceUrl = baseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/_connector"; // as the playground hands it out
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Sends_over_plain_http_to_this_machine_without_a_token()
    {
        var client = ConnectorClient.ForLoopbackEmulator();
        var sent = await client.SendToConversationAsync(_serviceUrl, "playground-personal-1", new Activity { Type = ActivityTypes.Message, Text = "Hallo" });
        var reply = await client.ReplyToActivityAsync(_serviceUrl, "playground-personal-1", "pg-1", new Activity { Type = ActivityTypes.Message, Text = "Antwort" });

        Assert.Equal("pg-1", sent.Id);
        Assert.Null(reply.Id); // 202 without a body
        Assert.Equal(
            [
                ("POST", "/_connector/v3/conversations/playground-personal-1/activities", ""),
                ("POST", "/_connector/v3/conversations/playground-personal-1/activities/pg-1", ""),
            ],
            _requests.ToArray());
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://playground.example:56150/_connector")]
    [InlineData("http://user@localhost:56150/_connector")]
    [InlineData("file:///tmp/_connector")]
    public async Task Refuses_every_service_url_that_is_not_on_this_machine(string serviceUrl)
    {
        var client = ConnectorClient.ForLoopbackEmulator();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.SendToConversationAsync(serviceUrl, "c", new Activity { Type = ActivityTypes.Message }));
        Assert.Empty(_requests);
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("https://[::1]:56150/_connector", true)]
    [InlineData("http://localhost.example.com/_connector", false)]
    [InlineData("http://10.0.0.5/_connector", false)]
    [InlineData("ftp://localhost/_connector", false)]
    [InlineData("/_connector", false)]
    [InlineData(null, false)]
    public void IsLoopback(string? serviceUrl, bool expected) => Assert.Equal(expected, ConnectorClient.IsLoopback(serviceUrl));
}
