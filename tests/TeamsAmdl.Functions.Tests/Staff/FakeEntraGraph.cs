using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AccessToken = Azure.Core.AccessToken;
using TokenCredential = Azure.Core.TokenCredential;
using TokenRequestContext = Azure.Core.TokenRequestContext;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>
/// A fake Microsoft Graph over real HTTP (WireMock.Net on 127.0.0.1) holding an Entra directory of 3 security
/// groups and 12 users: <c>GET /v1.0/groups/{id}/transitiveMembers</c> in pages of <see cref="PageSize"/> (with a
/// nested group and a device among the members, as Graph lists them), <c>POST /v1.0/users/{id}/teamwork/installedApps</c>
/// (201, then 409 once installed). <see cref="ThrottleOnce"/> answers the next members request with 429 and
/// Retry-After. Every request is recorded with its arrival time.
/// </summary>
public sealed class FakeEntraGraph : IDisposable
{
    public const string Token = "fake-graph-token";
    public const string Koordination = "3f0c9a51-6e2b-4d7a-8c1e-0a9b8c7d6e01";
    public const string Ifk = "3f0c9a51-6e2b-4d7a-8c1e-0a9b8c7d6e02";
    public const string Betreuung = "3f0c9a51-6e2b-4d7a-8c1e-0a9b8c7d6e03";
    public const string CatalogAppId = "7d4e2b1a-9c8f-4e3d-a2b1-c0d9e8f7a6b5";
    public const int PageSize = 4;

    /// <summary>The 12 users (staff, invented names): object id = u(n).</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Users =
    [
        (U(1), "Julia Weber"), (U(2), "Deniz Yılmaz"), (U(3), "Laura Krüger"), (U(4), "Kevin Werner"), (U(5), "Lukas Braun"),
        (U(6), "Anna Zimmermann"), (U(7), "Paul Seidel"), (U(8), "Oliver Roth"), (U(9), "Sebastian Lange"), (U(10), "Petra Schmitz"),
        (U(11), "Markus Hoffmann"), (U(12), "Sabine Richter"),
    ];

    public static string U(int n) => $"a1b2c3d4-0000-4000-8000-{n:D12}";
    public static string Mail(string id) => Users.Single(u => u.Id == id).Name.ToLowerInvariant().Replace(' ', '.').Replace('ı', 'i').Replace('ü', 'u') + "@jobcenter-musterstadt.example";

    private readonly WireMockServer _server;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Dictionary<string, List<string>> _members = new()
    {
        [Koordination] = [U(1), U(2)],
        [Ifk] = [U(3), U(4), U(5), U(6), U(7), U(8), U(9)],
        [Betreuung] = [U(10), U(11), U(12), U(2)], // U(2) coordinates and supervises
    };
    private readonly HashSet<string> _installed = new(StringComparer.OrdinalIgnoreCase);
    private int _throttle;
    private int _fail;

    public FakeEntraGraph()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{TeamsAmdl.TestSupport.Azurite.FreePort()}"] });
        _server.Given(Request.Create().WithPath(new RegexMatcher("^/v1\\.0/groups/[^/]+/transitiveMembers$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Members));
        _server.Given(Request.Create().WithPath(new RegexMatcher("^/v1\\.0/users/[^/]+/teamwork/installedApps$")).UsingPost())
            .RespondWith(Response.Create().WithCallback(Install));
    }

    public string Origin => _server.Urls[0].TrimEnd('/');
    public string BaseUrl => Origin + "/v1.0";
    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public sealed record Recorded(string Method, string PathAndQuery, int Status, TimeSpan At, string? Authorization, string? Body);

    public IReadOnlyList<Recorded> Installs => Requests.Where(r => r.Method == "POST" && r.Status is 201 or 409).ToList();

    /// <summary>The next members request gets 429 with Retry-After: <paramref name="seconds"/>.</summary>
    public void ThrottleOnce(int seconds) => Interlocked.Exchange(ref _throttle, seconds);

    /// <summary>The next members request fails with <paramref name="status"/> (e.g. 500, which the client does not retry).</summary>
    public void FailOnce(int status) => Interlocked.Exchange(ref _fail, status);

    public void Remove(string groupId, string userId)
    {
        lock (_gate) _members[groupId].Remove(userId);
    }

    public void Add(string groupId, string userId)
    {
        lock (_gate) _members[groupId].Add(userId);
    }

    public static TokenCredential Credential { get; } = new StaticToken();

    private ResponseMessage Members(IRequestMessage request)
    {
        if (Interlocked.Exchange(ref _throttle, 0) is var wait and > 0)
            return Respond(request, 429, new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Throttled" } },
                ("Retry-After", wait.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Interlocked.Exchange(ref _fail, 0) is var failure and > 0)
            return Respond(request, failure, new JsonObject { ["error"] = new JsonObject { ["code"] = "generalException", ["message"] = "Broken" } });
        var groupId = request.Path.Split('/')[3];
        var page = request.Query?.TryGetValue("$skiptoken", out var token) == true ? int.Parse(token[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
        List<JsonObject> all;
        lock (_gate)
        {
            if (!_members.TryGetValue(groupId, out var ids))
                return Respond(request, 404, new JsonObject { ["error"] = new JsonObject { ["code"] = "Request_ResourceNotFound", ["message"] = "Group not found" } });
            all = ids.Select(User).ToList();
        }
        // Graph lists nested groups and devices among transitive members too; the sync takes users only.
        if (groupId == Ifk)
        {
            all.Insert(1, new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = "9e8d7c6b-0000-4000-8000-000000000001", ["displayName"] = "IFK Nord" });
            all.Add(new JsonObject { ["@odata.type"] = "#microsoft.graph.device", ["id"] = "9e8d7c6b-0000-4000-8000-000000000002", ["displayName"] = "Laptop 17" });
        }
        var body = new JsonObject
        {
            ["@odata.context"] = BaseUrl + "/$metadata#directoryObjects",
            ["value"] = new JsonArray(all.Skip(page * PageSize).Take(PageSize).Select(o => (JsonNode)o).ToArray()),
        };
        if ((page + 1) * PageSize < all.Count)
            body["@odata.nextLink"] = $"{BaseUrl}/groups/{groupId}/transitiveMembers?$select=id,displayName,mail,userPrincipalName,accountEnabled&$skiptoken={page + 1}";
        return Respond(request, 200, body);
    }

    private ResponseMessage Install(IRequestMessage request)
    {
        var userId = request.Path.Split('/')[3];
        var bind = (string?)JsonNode.Parse(request.Body ?? "{}")?["teamsApp@odata.bind"];
        if (bind != "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/" + CatalogAppId)
            return Respond(request, 400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadRequest", ["message"] = "teamsApp@odata.bind: " + bind } });
        bool added;
        lock (_gate) added = _installed.Add(userId);
        return added
            ? Respond(request, 201, new JsonObject { ["@odata.type"] = "#microsoft.graph.userScopeTeamsAppInstallation", ["id"] = "inst-" + userId })
            : Respond(request, 409, new JsonObject { ["error"] = new JsonObject { ["code"] = "Conflict", ["message"] = "App is already installed." } });
    }

    private static JsonObject User(string id)
    {
        var name = Users.Single(u => u.Id == id).Name;
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user", ["id"] = id, ["displayName"] = name, ["mail"] = Mail(id),
            ["userPrincipalName"] = Mail(id), ["accountEnabled"] = true,
        };
    }

    private ResponseMessage Respond(IRequestMessage request, int status, JsonObject body, params (string Name, string Value)[] headers)
    {
        request.Headers!.TryGetValue("Authorization", out var auth);
        Requests.Enqueue(new Recorded(request.Method, request.Path + (request.RawQuery ?? ""), status, _clock.Elapsed, auth?.FirstOrDefault(), request.Body));
        var response = new ResponseMessage
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
        };
        foreach (var (name, value) in headers) response.Headers[name] = new WireMockList<string>(value);
        return response;
    }

    public void Dispose() => _server.Stop();

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
