using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>
/// A fake Microsoft Graph mailbox over real HTTP (WireMock.Net on 127.0.0.1): <c>POST /v1.0/users/{mailbox}/sendMail</c>
/// (202, the message kept as "sent" with its extended properties) and <c>GET /v1.0/users/{mailbox}/messages?$filter=
/// singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')</c> over those messages, as Graph answers it.
/// <see cref="ThrottleOnce"/> answers the next sendMail with 429 and Retry-After; <see cref="FailLookups"/> makes the
/// look-up fail with 500. Only the configured mailbox exists (another one is 404, like a mailbox outside the access policy).
/// </summary>
public sealed partial class FakeMailGraph : IDisposable
{
    public const string Mailbox = "einkauf@jobcenter-musterstadt.example";

    private readonly WireMockServer _server;
    private int _throttle;

    public FakeMailGraph()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{TeamsAmdl.TestSupport.Azurite.FreePort()}"] });
        _server.Given(Request.Create().WithPath(new RegexMatcher("^/v1\\.0/users/[^/]+/sendMail$")).UsingPost())
            .RespondWith(Response.Create().WithCallback(SendMail));
        _server.Given(Request.Create().WithPath(new RegexMatcher("^/v1\\.0/users/[^/]+/messages$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Messages));
    }

    public string BaseUrl => _server.Urls[0].TrimEnd('/') + "/v1.0";

    /// <summary>The sendMail bodies Graph accepted (202), in order.</summary>
    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    /// <summary>Every request: method, path, status.</summary>
    public ConcurrentQueue<(string Method, string Path, int Status)> Requests { get; } = new();

    public bool FailLookups { get; set; }

    public void ThrottleOnce(int seconds) => Interlocked.Exchange(ref _throttle, seconds);

    private ResponseMessage SendMail(IRequestMessage request)
    {
        if (!MailboxOk(request)) return Respond(request, 404, Error("ErrorInvalidUser", "The requested user is invalid."));
        if (Interlocked.Exchange(ref _throttle, 0) is var wait and > 0)
            return Respond(request, 429, Error("ApplicationThrottled", "Throttled"), ("Retry-After", wait.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The SDK writes "Message"/"SaveToSentItems" (Graph reads property names case-insensitively, so does this fake).
        Sent.Enqueue(JsonNode.Parse(request.Body!, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!.AsObject());
        return Respond(request, 202, null);
    }

    private ResponseMessage Messages(IRequestMessage request)
    {
        if (!MailboxOk(request)) return Respond(request, 404, Error("ErrorInvalidUser", "The requested user is invalid."));
        if (FailLookups) return Respond(request, 500, Error("generalException", "Broken"));
        var filter = request.Query?.TryGetValue("$filter", out var f) == true ? f[0] : "";
        var m = FilterPattern().Match(filter);
        if (!m.Success) return Respond(request, 400, Error("BadRequest", "Unsupported filter: " + filter));
        var found = Sent.Where(s => s["message"]?["singleValueExtendedProperties"] is JsonArray props
                && props.Any(p => string.Equals((string?)p?["id"], m.Groups["id"].Value, StringComparison.OrdinalIgnoreCase)
                                  && (string?)p?["value"] == m.Groups["value"].Value))
            .Select((s, i) => (JsonNode)new JsonObject { ["id"] = "msg-" + i, ["internetMessageId"] = (string?)s["message"]?["internetMessageId"] })
            .ToArray();
        return Respond(request, 200, new JsonObject { ["value"] = new JsonArray(found) });
    }

    [GeneratedRegex(@"^singleValueExtendedProperties/Any\(ep: ep/id eq '(?<id>[^']+)' and ep/value eq '(?<value>[^']+)'\)$")]
    private static partial Regex FilterPattern();

    private static bool MailboxOk(IRequestMessage request) =>
        string.Equals(Uri.UnescapeDataString(request.Path.Split('/')[3]), Mailbox, StringComparison.OrdinalIgnoreCase);

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private ResponseMessage Respond(IRequestMessage request, int status, JsonObject? body, params (string Name, string Value)[] headers)
    {
        Requests.Enqueue((request.Method, request.Path, status));
        var response = new ResponseMessage { StatusCode = status, Headers = new Dictionary<string, WireMockList<string>>() };
        if (body is not null)
        {
            response.Headers["Content-Type"] = new WireMockList<string>("application/json");
            response.BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String };
        }
        foreach (var (name, value) in headers) response.Headers[name] = new WireMockList<string>(value);
        return response;
    }

    public void Dispose() => _server.Stop();
}
