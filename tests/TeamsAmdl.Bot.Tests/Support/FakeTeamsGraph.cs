using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>
/// Microsoft Graph's view of the chats the <see cref="FakeConnector"/> holds, over plain HTTP on 127.0.0.1 (the Graph
/// SDK sends tokens to http only for localhost): the app's per-user installation and its 1:1 chat
/// (<c>/v1.0/users/{id}/teamwork/installedApps…</c>) and the chat's messages (<c>/v1.0/chats/{id}/messages</c>) with
/// Graph's paging and its rules for <c>$top</c> (≤ 50), <c>$orderby</c> and <c>$filter</c> (only honoured with
/// <c>$orderby</c> on the same property). Messages are chatMessage JSON with the card as a string in
/// attachments[].content, as Graph returns bot cards. <see cref="FailNext"/> scripts errors.
/// </summary>
internal sealed partial class FakeTeamsGraph : IAsyncDisposable
{
    public const string Token = "fake-graph-token";
    public const string TeamsAppId = "a1b2c3d4-0000-4000-8000-000000000a4d";

    private readonly FakeConnector _connector;
    private readonly string _botAppId;
    private readonly ConcurrentQueue<int> _failures = new();
    private WebApplication _app = null!;

    private FakeTeamsGraph(FakeConnector connector, string botAppId)
    {
        _connector = connector;
        _botAppId = botAppId;
    }

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization, int Status)> Requests { get; } = new();

    public static async Task<FakeTeamsGraph> StartAsync(FakeConnector connector, string botId)
    {
        var graph = new FakeTeamsGraph(connector, botId.StartsWith("28:", StringComparison.Ordinal) ? botId[3..] : botId);
        var (app, baseUrl) = await LocalHost.StartAsync(a => a.Run(graph.HandleAsync));
        graph._app = app;
        graph.BaseUrl = baseUrl + "/v1.0";
        return graph;
    }

    /// <summary>The next <paramref name="count"/> requests are answered with <paramref name="status"/>.</summary>
    public void FailNext(int status, int count = 1)
    {
        for (var i = 0; i < count; i++) _failures.Enqueue(status);
    }

    public static string ChatIdOf(string aadObjectId, string botAppId) => $"19:{aadObjectId}_{botAppId}@unq.gbl.spaces";

    private async Task HandleAsync(HttpContext context)
    {
        var (status, body) = _failures.TryDequeue(out var failure)
            ? (failure, Error(failure == 429 ? "TooManyRequests" : "ServiceUnavailable", "Scripted failure."))
            : context.Request.Headers.Authorization != "Bearer " + Token
                ? (401, Error("InvalidAuthenticationToken", "Access token is empty or invalid."))
                : Route(context.Request);
        Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization, status));
        context.Response.StatusCode = status;
        if (status == 429) context.Response.Headers.RetryAfter = "1";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private (int, JsonNode) Route(HttpRequest request)
    {
        if (request.Method != "GET")
            return (405, Error("MethodNotAllowed", "Only GET is served."));
        var path = request.Path.Value ?? "";
        if (InstalledAppsPath().Match(path) is { Success: true } installed)
            return InstalledApps(Uri.UnescapeDataString(installed.Groups[1].Value), request.Query["$filter"].ToString());
        if (InstalledAppChatPath().Match(path) is { Success: true } chat)
            return InstalledAppChat(Uri.UnescapeDataString(chat.Groups[1].Value), Uri.UnescapeDataString(chat.Groups[2].Value));
        if (MessagesPath().Match(path) is { Success: true } messages)
            return Messages(Uri.UnescapeDataString(messages.Groups[1].Value), request);
        if (ChannelMessagesPath().Match(path) is { Success: true } channel)
            return ChannelMessages(Uri.UnescapeDataString(channel.Groups[1].Value), Uri.UnescapeDataString(channel.Groups[2].Value), request);
        return (404, Error("NotFound", "Unknown path " + path));
    }

    private (int, JsonNode) InstalledApps(string aadObjectId, string filter)
    {
        if (filter != $"teamsApp/externalId eq '{TeamsAppId}'")
            return (400, Error("BadRequest", "Unexpected $filter: " + filter));
        var value = new JsonArray();
        if (_connector.PersonalChats.ContainsKey(aadObjectId))
            value.Add(new JsonObject
            {
                ["id"] = "inst-" + aadObjectId,
                ["teamsApp"] = new JsonObject { ["id"] = "catalog-amdl", ["externalId"] = TeamsAppId, ["displayName"] = "AMDL" },
            });
        return (200, new JsonObject { ["value"] = value });
    }

    private (int, JsonNode) InstalledAppChat(string aadObjectId, string installationId) =>
        installationId == "inst-" + aadObjectId && _connector.PersonalChats.ContainsKey(aadObjectId)
            ? (200, new JsonObject { ["id"] = ChatIdOf(aadObjectId, _botAppId), ["chatType"] = "oneOnOne" })
            : (404, Error("NotFound", "No such installation."));

    private (int, JsonNode) Messages(string chatId, HttpRequest request)
    {
        var match = ChatId().Match(chatId);
        if (!match.Success || match.Groups[2].Value != _botAppId || !_connector.PersonalChats.TryGetValue(match.Groups[1].Value, out var conversationId))
            return (404, Error("NotFound", "Chat not found."));
        var top = request.Query.TryGetValue("$top", out var t) ? int.Parse(t!, CultureInfo.InvariantCulture) : 20;
        if (top is < 1 or > 50)
            return (400, Error("BadRequest", "$top must be between 1 and 50."));
        var orderBy = request.Query["$orderby"].ToString();
        var filter = request.Query["$filter"].ToString();
        IEnumerable<FakeConnector.ChatMessage> messages = _connector.Chats.TryGetValue(conversationId, out var chat) ? chat.Values : [];
        messages = messages.OrderByDescending(m => m.LastModifiedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal);
        if (filter.Length > 0)
        {
            var gt = FilterGreaterThan().Match(filter);
            if (!gt.Success)
                return (400, Error("BadRequest", "Unsupported $filter: " + filter));
            if (orderBy == "lastModifiedDateTime desc") // Graph ignores the filter otherwise
            {
                var since = DateTimeOffset.Parse(gt.Groups[1].Value, CultureInfo.InvariantCulture);
                messages = messages.Where(m => m.LastModifiedAt > since);
            }
        }
        var skip = request.Query.TryGetValue("$skiptoken", out var token) ? int.Parse(token!, CultureInfo.InvariantCulture) : 0;
        var all = messages.ToList();
        var page = all.Skip(skip).Take(top).ToList();
        var result = new JsonObject { ["value"] = new JsonArray(page.Select(m => (JsonNode)ToChatMessage(m, chatId)).ToArray()) };
        if (skip + top < all.Count)
            result["@odata.nextLink"] = $"{BaseUrl}/chats/{Uri.EscapeDataString(chatId)}/messages?$top={top}&$orderby={Uri.EscapeDataString(orderBy)}" +
                                         $"&$filter={Uri.EscapeDataString(filter)}&$skiptoken={skip + top}";
        return (200, result);
    }

    /// <summary>Teams (by Microsoft 365 group id) and their channels, whose posts Graph shows.</summary>
    public ConcurrentDictionary<string, string> ChannelTeams { get; } = new();

    public void AddChannel(string teamAadGroupId, string channelId) => ChannelTeams[channelId] = teamAadGroupId;

    /// <summary>Channel messages: no $filter or $orderby (Graph supports only $top here), newest first.</summary>
    private (int, JsonNode) ChannelMessages(string teamId, string channelId, HttpRequest request)
    {
        if (!ChannelTeams.TryGetValue(channelId, out var team) || team != teamId)
            return (404, Error("NotFound", "Team or channel not found."));
        if (request.Query.ContainsKey("$filter") || request.Query.ContainsKey("$orderby"))
            return (400, Error("BadRequest", "Only $top is supported on channel messages."));
        var top = request.Query.TryGetValue("$top", out var t) ? int.Parse(t!, CultureInfo.InvariantCulture) : 20;
        if (top is < 1 or > 50)
            return (400, Error("BadRequest", "$top must be between 1 and 50."));
        var all = (_connector.Chats.TryGetValue(channelId, out var chat) ? chat.Values : [])
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => int.Parse(m.Id[4..], CultureInfo.InvariantCulture)).ToList();
        var skip = request.Query.TryGetValue("$skiptoken", out var token) ? int.Parse(token!, CultureInfo.InvariantCulture) : 0;
        var page = all.Skip(skip).Take(top).ToList();
        var result = new JsonObject { ["value"] = new JsonArray(page.Select(m => (JsonNode)ToChatMessage(m, null)).ToArray()) };
        if (skip + top < all.Count)
            result["@odata.nextLink"] = $"{BaseUrl}/teams/{teamId}/channels/{Uri.EscapeDataString(channelId)}/messages?$top={top}&$skiptoken={skip + top}";
        return (200, result);
    }

    private JsonObject ToChatMessage(FakeConnector.ChatMessage message, string? chatId)
    {
        var activity = JsonNode.Parse(message.ActivityJson)!.AsObject();
        var attachments = new JsonArray();
        var html = activity["text"]?.GetValue<string>() ?? "";
        var index = 0;
        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
        {
            var id = $"{message.Id}-att-{index++}";
            attachments.Add(new JsonObject
            {
                ["id"] = id,
                ["contentType"] = attachment!["contentType"]?.GetValue<string>(),
                ["contentUrl"] = null,
                ["content"] = attachment["content"]?.ToJsonString(), // Graph returns the card as a JSON string
                ["name"] = null,
                ["thumbnailUrl"] = null,
                ["teamsAppId"] = TeamsAppId,
            });
            html += $"<attachment id=\"{id}\"></attachment>";
        }
        return new JsonObject
        {
            ["id"] = message.Id,
            ["replyToId"] = null,
            ["messageType"] = "message",
            ["createdDateTime"] = message.CreatedAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
            ["lastModifiedDateTime"] = message.LastModifiedAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
            ["deletedDateTime"] = message.Deleted ? message.LastModifiedAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture) : null,
            ["chatId"] = chatId,
            ["from"] = new JsonObject
            {
                ["user"] = null,
                ["application"] = new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.teamworkApplicationIdentity",
                    ["id"] = _botAppId,
                    ["displayName"] = "AMDL",
                    ["applicationIdentityType"] = "bot",
                },
            },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = message.Deleted ? "" : html },
            ["attachments"] = message.Deleted ? new JsonArray() : attachments,
        };
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    [GeneratedRegex("^/v1.0/users/([^/]+)/teamwork/installedApps$")]
    private static partial Regex InstalledAppsPath();

    [GeneratedRegex("^/v1.0/users/([^/]+)/teamwork/installedApps/([^/]+)/chat$")]
    private static partial Regex InstalledAppChatPath();

    [GeneratedRegex("^/v1.0/chats/([^/]+)/messages$")]
    private static partial Regex MessagesPath();

    [GeneratedRegex("^/v1.0/teams/([^/]+)/channels/([^/]+)/messages$")]
    private static partial Regex ChannelMessagesPath();

    [GeneratedRegex("^19:(.+)_([0-9a-f-]+)@unq\\.gbl\\.spaces$")]
    private static partial Regex ChatId();

    [GeneratedRegex("^lastModifiedDateTime gt (\\S+)$")]
    private static partial Regex FilterGreaterThan();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
