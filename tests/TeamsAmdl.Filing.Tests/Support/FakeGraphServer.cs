using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsAmdl.Filing;

namespace TeamsAmdl.Filing.Tests.Support;

/// <summary>
/// A fake Microsoft Graph (v1.0 drive and list endpoints) over real HTTP on 127.0.0.1: one SharePoint library
/// held in memory with folders, files, versions and list-item fields, upload sessions, and SharePoint's name rules
/// (it refuses what SharePoint refuses). Records every request with its arrival time; scripted faults
/// (<see cref="Fail"/>) and commit hooks (<see cref="BeforeCommit"/>, <see cref="AfterCommit"/>) let tests
/// throttle, break and crash uploads.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Token = "fake-graph-token";
    public const string SiteId = "contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222";
    public const string DriveId = "b!e-akte-drive";
    public const string ListId = "33333333-3333-3333-3333-333333333333";
    private const string RootId = "ROOT";

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Dictionary<string, Item> _items = new();
    private readonly Dictionary<string, UploadSession> _sessions = new();
    private readonly List<FaultRule> _faults = [];
    private int _nextId;
    private int _nextListItemId;

    private FakeGraphServer(WebApplication app)
    {
        _app = app;
        _items[RootId] = new Item(RootId, "root", null, true, 0);
    }

    public string BaseUrl { get; private set; } = "";
    public string Origin { get; private set; } = "";
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Awaited after an upload's last byte arrived, before the file is stored (path, request aborted token).</summary>
    public Func<string, CancellationToken, Task>? BeforeCommit { get; set; }

    /// <summary>Awaited after the file is stored, before the response is sent.</summary>
    public Func<string, CancellationToken, Task>? AfterCommit { get; set; }

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Origin = address.TrimEnd('/');
        server.BaseUrl = server.Origin + "/v1.0";
        return server;
    }

    public FilingOptions Options(Action<FilingOptions>? configure = null)
    {
        var o = new FilingOptions
        {
            SiteId = SiteId,
            DriveId = DriveId,
            GraphBaseUrl = BaseUrl,
            GraphRetryDelaySeconds = 0,
            RetryDelay = TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            LeaseDuration = TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(o);
        return o;
    }

    /// <summary>The next <paramref name="times"/> requests matching answer <paramref name="status"/> (with Retry-After if given).</summary>
    public void Fail(string method, string pathContains, int status, int times = int.MaxValue, string? retryAfter = null, string code = "failure")
    {
        lock (_gate) _faults.Add(new FaultRule(method, pathContains, status, retryAfter, code) { Remaining = times });
    }

    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    public IReadOnlyList<RecordedRequest> Matching(string method, string pathContains) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    /// <summary>The stored file at a path (all versions, oldest first) or null.</summary>
    public StoredFile? File(string path)
    {
        lock (_gate)
        {
            var item = Resolve(RootId, path);
            return item is null || item.IsFolder ? null : new StoredFile(item.Id, item.Versions.ToList(), new Dictionary<string, string>(item.Fields));
        }
    }

    public bool FolderExists(string path)
    {
        lock (_gate) return Resolve(RootId, path) is { IsFolder: true };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var q = raw.IndexOf('?');
        var rawPath = q < 0 ? raw : raw[..q];
        var path = Uri.UnescapeDataString(rawPath);
        var arrived = _clock.Elapsed;
        var body = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted);
        var record = new RecordedRequest(arrived, ctx.Request.Method, path, raw, ctx.Request.Headers.Authorization.ToString(),
            body.Length, ctx.Request.Headers.ContentRange.ToString(), ctx.Request.Headers["Retry-Attempt"].ToString(), body.ToArray());
        try
        {
            await DispatchAsync(ctx, record);
        }
        finally
        {
            record.Status = ctx.Response.StatusCode;
            record.Completed = _clock.Elapsed;
            Requests.Enqueue(record);
        }
    }

    private async Task DispatchAsync(HttpContext ctx, RecordedRequest r)
    {
        var isUpload = r.Path.StartsWith("/upload/", StringComparison.Ordinal);
        if (!isUpload && r.Authorization != "Bearer " + Token)
        {
            await Error(ctx, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            return;
        }
        FaultRule? fault;
        lock (_gate)
        {
            fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Method == r.Method && r.Path.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is not null) fault.Remaining--;
        }
        if (fault is not null)
        {
            if (fault.RetryAfter is not null) ctx.Response.Headers.RetryAfter = fault.RetryAfter;
            await Error(ctx, fault.Status, fault.Code, $"Scripted failure {fault.Status}.");
            return;
        }

        if (isUpload)
        {
            await UploadSliceAsync(ctx, r);
            return;
        }
        var p = r.Path.StartsWith("/v1.0/", StringComparison.Ordinal) ? r.Path[5..] : r.Path;
        var drivePrefix = "/drives/" + DriveId + "/items/";
        if (p == $"/sites/{SiteId}/drives/{DriveId}" && r.Method == "GET")
        {
            await Json(ctx, 200, new JsonObject { ["id"] = DriveId, ["name"] = "e-Akte", ["webUrl"] = "https://contoso.sharepoint.com/sites/e-akte/e-Akte" });
            return;
        }
        var fieldsPrefix = $"/sites/{SiteId}/lists/{ListId}/items/";
        if (p.StartsWith(fieldsPrefix, StringComparison.Ordinal) && p.EndsWith("/fields", StringComparison.Ordinal) && r.Method == "PATCH")
        {
            var listItemId = int.Parse(p[fieldsPrefix.Length..^"/fields".Length], CultureInfo.InvariantCulture);
            var values = JsonNode.Parse(r.Body)!.AsObject();
            lock (_gate)
            {
                var item = _items.Values.FirstOrDefault(i => i.ListItemId == listItemId);
                if (item is null)
                {
                    _ = Error(ctx, 404, "itemNotFound", "List item not found.");
                    return;
                }
                foreach (var (k, v) in values) item.Fields[k] = v?.ToString() ?? "";
            }
            await Json(ctx, 200, new JsonObject(values.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))));
            return;
        }
        if (!p.StartsWith(drivePrefix, StringComparison.Ordinal))
        {
            await Error(ctx, 400, "invalidRequest", "Unknown resource " + p);
            return;
        }
        var rest = p[drivePrefix.Length..];
        var colon = rest.IndexOf(":/", StringComparison.Ordinal);
        if (colon > 0)
        {
            // items/{id}:/{path}:  [/content | /createUploadSession]
            var baseId = rest[..colon] == "root" ? RootId : rest[..colon];
            var tail = rest[(colon + 2)..];
            var end = tail.LastIndexOf(':');
            var relative = tail[..end];
            var action = tail[(end + 1)..];
            switch (r.Method, action)
            {
                case ("GET", ""):
                {
                    Item? item;
                    lock (_gate) item = Resolve(baseId, relative);
                    if (item is null) await Error(ctx, 404, "itemNotFound", "The resource could not be found.");
                    else await Json(ctx, 200, ToJson(item));
                    return;
                }
                case ("PUT", "/content"):
                    await CommitAsync(ctx, baseId, relative, r.Body);
                    return;
                case ("POST", "/createUploadSession"):
                {
                    var sessionId = Guid.NewGuid().ToString("N");
                    lock (_gate) _sessions[sessionId] = new UploadSession(baseId, relative);
                    await Json(ctx, 200, new JsonObject
                    {
                        ["uploadUrl"] = $"{Origin}/upload/{sessionId}",
                        ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
                        ["nextExpectedRanges"] = new JsonArray("0-"),
                    });
                    return;
                }
            }
        }
        else if (rest.EndsWith("/children", StringComparison.Ordinal) && r.Method == "POST")
        {
            var parentId = rest[..^"/children".Length];
            parentId = parentId == "root" ? RootId : parentId;
            var request = JsonNode.Parse(r.Body)!.AsObject();
            var name = request["name"]!.GetValue<string>();
            var problem = NameProblem(name);
            if (problem is not null)
            {
                await Error(ctx, 400, "invalidRequest", problem);
                return;
            }
            Item? created = null;
            var conflict = false;
            lock (_gate)
            {
                if (!_items.TryGetValue(parentId, out var parent) || !parent.IsFolder)
                {
                    _ = Error(ctx, 404, "itemNotFound", "Parent not found.");
                    return;
                }
                if (Child(parentId, name) is not null) conflict = true;
                else created = Add(parentId, name, isFolder: true);
            }
            if (conflict) await Error(ctx, 409, "nameAlreadyExists", "An item with the same name already exists.");
            else await Json(ctx, 201, ToJson(created!));
            return;
        }
        else if (r.Method == "GET" && !rest.Contains('/'))
        {
            Item? item;
            lock (_gate) _items.TryGetValue(rest, out item);
            if (item is null) await Error(ctx, 404, "itemNotFound", "The resource could not be found.");
            else await Json(ctx, 200, ToJson(item));
            return;
        }
        await Error(ctx, 400, "invalidRequest", $"Unsupported {r.Method} {p}");
    }

    private async Task UploadSliceAsync(HttpContext ctx, RecordedRequest r)
    {
        var sessionId = r.Path["/upload/".Length..];
        UploadSession? session;
        lock (_gate) _sessions.TryGetValue(sessionId, out session);
        if (session is null)
        {
            await Error(ctx, 404, "itemNotFound", "Upload session not found.");
            return;
        }
        if (r.Method == "GET")
        {
            await Json(ctx, 200, SessionJson(session));
            return;
        }
        // Content-Range: bytes {from}-{to}/{total}
        var range = r.ContentRange.Replace("bytes ", "", StringComparison.Ordinal).Split('-', '/');
        long from = long.Parse(range[0], CultureInfo.InvariantCulture), to = long.Parse(range[1], CultureInfo.InvariantCulture),
            total = long.Parse(range[2], CultureInfo.InvariantCulture);
        if (from != session.Received || to - from + 1 != r.Body.Length)
        {
            await Error(ctx, 416, "invalidRange", $"Expected range starting at {session.Received}.");
            return;
        }
        session.Buffer.Write(r.Body);
        session.Received += r.Body.Length;
        session.Slices++;
        if (session.Received < total)
        {
            await Json(ctx, 202, SessionJson(session));
            return;
        }
        lock (_gate) _sessions.Remove(sessionId);
        await CommitAsync(ctx, session.ParentId, session.RelativePath, session.Buffer.ToArray());
    }

    /// <summary>Stores a file (new, or a new version of the existing one) at parent/relative and answers with the item.</summary>
    private async Task CommitAsync(HttpContext ctx, string parentId, string relative, byte[] content)
    {
        var slash = relative.LastIndexOf('/');
        var folderPath = slash < 0 ? "" : relative[..slash];
        var name = relative[(slash + 1)..];
        var problem = NameProblem(name) ?? PathProblem(parentId, relative);
        if (problem is not null)
        {
            await Error(ctx, 400, "invalidRequest", problem);
            return;
        }
        var fullPath = FullPath(parentId, relative);
        if (BeforeCommit is { } before) await before(fullPath, ctx.RequestAborted);
        Item item;
        lock (_gate)
        {
            var folder = folderPath.Length == 0 ? _items[parentId] : Resolve(parentId, folderPath);
            if (folder is null || !folder.IsFolder)
            {
                _ = Error(ctx, 404, "itemNotFound", "Parent folder not found.");
                return;
            }
            item = Child(folder.Id, name) ?? Add(folder.Id, name, isFolder: false);
            item.Versions.Add(content);
        }
        if (AfterCommit is { } after) await after(fullPath, ctx.RequestAborted);
        await Json(ctx, item.Versions.Count == 1 ? 201 : 200, ToJson(item));
    }

    private Item Add(string parentId, string name, bool isFolder)
    {
        var id = "ITEM" + Interlocked.Increment(ref _nextId).ToString("D4", CultureInfo.InvariantCulture);
        var item = new Item(id, name, parentId, isFolder, Interlocked.Increment(ref _nextListItemId));
        _items[id] = item;
        return item;
    }

    private Item? Child(string parentId, string name) =>
        _items.Values.FirstOrDefault(i => i.ParentId == parentId && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    private Item? Resolve(string baseId, string relative)
    {
        if (!_items.TryGetValue(baseId, out var current)) return null;
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Child(current.Id, segment);
            if (current is null) return null;
        }
        return current;
    }

    private string FullPath(string parentId, string relative)
    {
        var segments = new List<string>();
        lock (_gate)
        {
            for (var id = parentId; id != RootId && _items.TryGetValue(id, out var i); id = i.ParentId!)
                segments.Insert(0, i.Name);
        }
        segments.Add(relative);
        return string.Join('/', segments);
    }

    private string? PathProblem(string parentId, string relative)
    {
        var full = FullPath(parentId, relative);
        return full.Length > SharePointNames.MaxPathLength ? $"Path too long ({full.Length} > 400)." : null;
    }

    /// <summary>SharePoint Online's rules for one name.</summary>
    internal static string? NameProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Empty name.";
        if (name.IndexOfAny(['"', '*', ':', '<', '>', '?', '/', '\\', '|']) >= 0) return $"Invalid character in '{name}'.";
        if (name != name.Trim() || name.EndsWith('.')) return $"Leading/trailing space or trailing dot in '{name}'.";
        if (name.StartsWith("~$", StringComparison.Ordinal) || name.Contains("_vti_", StringComparison.OrdinalIgnoreCase)) return $"Reserved pattern in '{name}'.";
        if (SharePointNames.IsReserved(name)) return $"Reserved name '{name}'.";
        if (name.Length > SharePointNames.MaxSegmentLength) return $"Name longer than 255: {name.Length}.";
        return null;
    }

    private JsonObject ToJson(Item item)
    {
        var json = new JsonObject
        {
            ["id"] = item.Id,
            ["name"] = item.Name,
            ["webUrl"] = "https://contoso.sharepoint.com/sites/e-akte/e-Akte/" + Uri.EscapeDataString(item.Name),
            ["parentReference"] = new JsonObject { ["driveId"] = DriveId, ["id"] = item.ParentId },
            ["sharepointIds"] = new JsonObject { ["listId"] = ListId, ["listItemId"] = item.ListItemId.ToString(CultureInfo.InvariantCulture), ["siteId"] = SiteId },
        };
        if (item.IsFolder)
        {
            json["folder"] = new JsonObject { ["childCount"] = _items.Values.Count(i => i.ParentId == item.Id) };
            json["size"] = 0;
        }
        else
        {
            var content = item.Versions[^1];
            json["size"] = content.LongLength;
            json["file"] = new JsonObject { ["mimeType"] = "application/octet-stream", ["hashes"] = new JsonObject { ["quickXorHash"] = QuickXorHash.Compute(content) } };
        }
        return json;
    }

    private static JsonObject SessionJson(UploadSession s) => new()
    {
        ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
        ["nextExpectedRanges"] = new JsonArray($"{s.Received}-"),
    };

    private static Task Json(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext ctx, int status, string code, string message)
    {
        if (ctx.Response.HasStarted) return Task.CompletedTask;
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    private sealed class Item(string id, string name, string? parentId, bool isFolder, int listItemId)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public string? ParentId { get; } = parentId;
        public bool IsFolder { get; } = isFolder;
        public int ListItemId { get; } = listItemId;
        public List<byte[]> Versions { get; } = [];
        public Dictionary<string, string> Fields { get; } = new();
    }

    private sealed class UploadSession(string parentId, string relativePath)
    {
        public string ParentId { get; } = parentId;
        public string RelativePath { get; } = relativePath;
        public MemoryStream Buffer { get; } = new();
        public long Received { get; set; }
        public int Slices { get; set; }
    }

    private sealed record FaultRule(string Method, string PathContains, int Status, string? RetryAfter, string Code)
    {
        public int Remaining { get; set; }
    }
}

public sealed record StoredFile(string Id, IReadOnlyList<byte[]> Versions, IReadOnlyDictionary<string, string> Fields);

public sealed class RecordedRequest(TimeSpan arrived, string method, string path, string rawTarget, string authorization, long bodyLength,
    string contentRange, string retryAttempt, byte[] body)
{
    public TimeSpan Arrived { get; } = arrived;
    public TimeSpan Completed { get; set; }
    public string Method { get; } = method;
    public string Path { get; } = path;
    public string RawTarget { get; } = rawTarget;
    public string Authorization { get; } = authorization;
    public long BodyLength { get; } = bodyLength;
    public string ContentRange { get; } = contentRange;
    public string RetryAttempt { get; } = retryAttempt;
    public byte[] Body { get; } = body;
    public int Status { get; set; }

    public override string ToString() => $"{Arrived.TotalMilliseconds:F0}ms {Method} {Path} → {Status}";
}
