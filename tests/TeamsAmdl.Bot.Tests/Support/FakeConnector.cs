using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>
/// A local HTTPS Bot Connector that records every request. Scripted responses (<see cref="Enqueue"/>) are
/// answered first, in order; afterwards it answers like the real service.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<Scripted> _script = new();
    private WebApplication _app = null!;
    private int _messageIds;

    private FakeConnector()
    {
    }

    public sealed record Recorded(string Method, string Path, string RawTarget, string? Authorization, string? ContentType, string Body, int Status, DateTimeOffset At)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    private sealed record Scripted(int Status, string? Body, (string Name, string Value)[] Headers);

    public string BaseUrl { get; private set; } = "";

    /// <summary>A service URL with a path, like Teams' regional ones.</summary>
    public string ServiceUrl => BaseUrl + "/emea/";

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>Activities the fake accepted (2xx) via POST …/activities[/{id}].</summary>
    public IReadOnlyList<Recorded> DeliveredActivities =>
        Requests.Where(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal) && r.Status is >= 200 and < 300).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector();
        (fake._app, fake.BaseUrl) = await LocalHost.StartAsync(app => app.Run(fake.HandleAsync), TestCertificate.Server);
        return fake;
    }

    public void Enqueue(int status, string? body = null, params (string Name, string Value)[] headers) =>
        _script.Enqueue(new Scripted(status, body, headers));

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";

        var (status, responseBody, headers) = _script.TryDequeue(out var scripted)
            ? (scripted.Status, scripted.Body, scripted.Headers)
            : DefaultResponse(request.Method, request.Path.Value ?? "");

        Requests.Enqueue(new Recorded(request.Method, request.Path.Value ?? "", rawTarget, request.Headers.Authorization.ToString(),
            request.ContentType, body, status, DateTimeOffset.UtcNow));

        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
            context.Response.Headers[name] = value;
        if (responseBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody);
        }
    }

    private (int, string?, (string, string)[]) DefaultResponse(string method, string path)
    {
        if (method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
            return (201, JsonSerializer.Serialize(new { id = "a:new-conversation", serviceUrl = ServiceUrl, activityId = "first-activity" }), []);
        if (method == "POST")
            return (201, JsonSerializer.Serialize(new { id = $"msg-{Interlocked.Increment(ref _messageIds)}" }), []);
        if (method == "PUT")
            return (200, JsonSerializer.Serialize(new { id = path[(path.LastIndexOf('/') + 1)..] }), []);
        return (200, null, []);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
