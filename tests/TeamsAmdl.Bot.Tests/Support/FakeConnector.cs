using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>
/// A local HTTPS Bot Connector that records every request. Scripted responses (<see cref="Enqueue"/>) are
/// answered first, in order; afterwards it answers like the real service: it creates one personal chat per member
/// ("a:new-{aadObjectId}") and keeps the messages it accepted per conversation (<see cref="Chats"/>), which
/// <see cref="FakeTeamsGraph"/> shows as Microsoft Graph sees them.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<Scripted> _script = new();
    private WebApplication _app = null!;
    private int _messageIds;

    private FakeConnector()
    {
    }

    /// <summary>A message as stored in a chat: the activity JSON as last posted or updated.</summary>
    public sealed record ChatMessage(string Id, string ConversationId, DateTimeOffset CreatedAt, DateTimeOffset LastModifiedAt, string ActivityJson, bool Deleted);

    /// <summary>Accepted messages per conversation id.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, ChatMessage>> Chats { get; } = new();

    /// <summary>Personal conversation id per AAD object id: created here, or registered by <see cref="AddPersonalChat"/> (installs).</summary>
    public ConcurrentDictionary<string, string> PersonalChats { get; } = new();

    public void AddPersonalChat(string aadObjectId, string conversationId) => PersonalChats[aadObjectId] = conversationId;

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
            : DefaultResponse(request.Method, request.Path.Value ?? "", body);

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

    private (int, string?, (string, string)[]) DefaultResponse(string method, string path, string body)
    {
        if (method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var member = JsonDocument.Parse(body).RootElement.GetProperty("members")[0];
            var aad = member.TryGetProperty("aadObjectId", out var a) ? a.GetString() : null;
            var id = aad is null ? "a:new-conversation" : "a:new-" + aad;
            if (aad is not null) PersonalChats[aad] = id;
            return (201, JsonSerializer.Serialize(new { id, serviceUrl = ServiceUrl, activityId = "first-activity" }), []);
        }
        var (conversationId, activityId) = ActivityPath(path);
        var now = DateTimeOffset.UtcNow;
        if (method == "POST")
        {
            var id = $"msg-{Interlocked.Increment(ref _messageIds)}";
            if (conversationId is not null) // a new message, or a reply (POST …/activities/{replyToId})
                Chats.GetOrAdd(conversationId, _ => new())[id] = new ChatMessage(id, conversationId, now, now, body, false);
            return (201, JsonSerializer.Serialize(new { id }), []);
        }
        if (conversationId is not null && activityId is not null && Chats.TryGetValue(conversationId, out var chat) && chat.TryGetValue(activityId, out var stored))
            chat[activityId] = method == "PUT" ? stored with { ActivityJson = body, LastModifiedAt = now } : stored with { Deleted = true, LastModifiedAt = now };
        if (method == "PUT")
            return (200, JsonSerializer.Serialize(new { id = path[(path.LastIndexOf('/') + 1)..] }), []);
        return (200, null, []);
    }

    /// <summary>…/v3/conversations/{conversationId}/activities[/{activityId}] → its parts.</summary>
    private static (string? ConversationId, string? ActivityId) ActivityPath(string path)
    {
        var start = path.IndexOf("/v3/conversations/", StringComparison.Ordinal);
        var activities = path.IndexOf("/activities", StringComparison.Ordinal);
        if (start < 0 || activities < 0)
            return (null, null);
        var conversationId = path[(start + "/v3/conversations/".Length)..activities];
        var rest = path[(activities + "/activities".Length)..].Trim('/');
        return (conversationId, rest.Length == 0 ? null : rest);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
