using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Authorization;
using TeamsAmdl.DevHost;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// Issue 12, item 8: every HTTP route the app has (read from the function attributes by <see cref="FunctionCatalog"/>,
/// so new routes are swept without touching this file) gets the standard bad inputs. Each answer must be no 500,
/// an error must be German problem JSON without stack trace or internal type names, and storage (every table, queue
/// and blob container of this test's prefix) must be the same before and after the whole sweep.
/// Rules instead of lists: [AllowAnonymous] routes may answer the auth cases; routes without route values get no
/// unknown-id or traversal case.
/// </summary>
/// <remarks>
/// Run in Development (demo users, so role and body checks are reached) by <see cref="RouteSweepTests"/> and in
/// Production (nobody authenticates without Entra; answers must still be clean) by <see cref="ProductionRouteSweepTests"/>.
/// </remarks>
public abstract partial class RouteSweep<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp> where TApp : AppFactory
{
    /// <summary>Whether the demo login works: in Production the fixed expectations that need a caller do not apply.</summary>
    protected abstract bool Development { get; }

    private const string Coordinator = "koord-weber";
    private const string WrongRole = "tl-schubert"; // Teamleitung only: no coordinator, IFK, Betreuer, SQS or assessor rights
    private const string UnknownUser = "niemand-sweep";

    /// <summary>Every field name the app's bodies use, each with a value of the wrong JSON type.</summary>
    private const string WrongTypes = """
        {"places":"viele","note":5,"reason":[1],"customerRef":{},"exitDate":"gestern","kind":1,"channels":"x","ifk":"ja",
         "teamleitung":1,"confirmMissing":"ja","publishId":7,"messageKey":3,"measureNumber":1,"templateId":[],"assessorIds":"a",
         "occupied":"viele","nextEntryDate":5,"remarks":[],"etag":4,"teams":5,"locations":true,"kinds":[1],"enabled":"ja",
         "serviceUrl":5,"type":1,"questions":"keine","version":"x","title":3,"scale":"x"}
        """;

    private const string BadQuery = "?version=abc&max=-5&kind=1&status=1&state=1&quarter=xyz&measure=..%2F..&team=%00&user=..%5C&week=0";

    private static readonly byte[] Oversized = Encoding.UTF8.GetBytes("{\"note\":\"" + new string('x', 5 * 1024 * 1024) + "\"}");

    private sealed record Case(string Name, string? User, Func<string, string> RouteValue, HttpContent? Body, string Query = "",
        string? Method = null);

    [Fact]
    public async Task Every_route_refuses_bad_input_cleanly_and_leaves_storage_unchanged()
    {
        var catalog = new FunctionCatalog(typeof(AppServices).Assembly);
        Assert.True(catalog.Http.Count >= 50, $"only {catalog.Http.Count} HTTP functions found");
        _ = app.CreateClient(); // starts the app: seed data in place before the first snapshot
        var before = await SnapshotAsync();

        var failures = new List<string>();
        var pairs = 0;
        foreach (var function in catalog.Http)
        {
            var anonymous = function.Method.IsDefined(typeof(AllowAnonymousAttribute), inherit: false);
            var hasRouteValues = RouteValue().IsMatch(function.Route);
            foreach (var method in function.Methods)
            {
                foreach (var c in Cases(hasRouteValues, method, BodyLimit(function)))
                {
                    pairs++;
                    var verb = c.Method ?? method;
                    var url = "/" + RouteValue().Replace(function.Route, m => c.RouteValue(m.Groups["name"].Value)) + c.Query;
                    using var request = new HttpRequestMessage(new HttpMethod(verb), url) { Content = c.Body is null ? null : await CopyAsync(c.Body) };
                    if (c.User is not null) request.Headers.Add("X-Dev-User", c.User);
                    using var response = await app.CreateClient().SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var problem = Check(Development, anonymous, function.Route.Contains(':', StringComparison.Ordinal), c, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
                    if (problem is not null) failures.Add($"{verb} {url} [{function.Name}, {c.Name}] → {(int)response.StatusCode}: {problem}");
                }
            }
        }

        var after = await SnapshotAsync();
        var changed = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"storage changed: {k}: {before.GetValueOrDefault(k) ?? "(none)"} → {after.GetValueOrDefault(k) ?? "(none)"}");
        failures.AddRange(changed);

        output.WriteLine($"Route sweep ({(Development ? "Development" : "Production")}): {catalog.Http.Count} functions, {pairs} (route × case) pairs, {failures.Count} failures; " +
                         $"storage snapshot of {before.Count} rows/messages/blobs compared.");
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    /// <summary>The standard bad inputs; route values are unknown ids unless the case is about something else.</summary>
    /// <summary>The function's body limit: a route that takes more than <see cref="Oversized"/> (the Outlook add-in's
    /// filings) gets an oversized body just above its own limit.</summary>
    private static long BodyLimit(HttpFunction function) =>
        function.Method.GetCustomAttributes(typeof(MaxBodyAttribute), inherit: false).OfType<MaxBodyAttribute>().FirstOrDefault()?.Bytes ?? MaxBodyAttribute.Default;

    private static byte[] OversizedFor(long limit) => limit < Oversized.Length
        ? Oversized
        : Encoding.UTF8.GetBytes("{\"note\":\"" + new string('x', checked((int)limit)) + "\"}");

    private static IEnumerable<Case> Cases(bool hasRouteValues, string method, long bodyLimit)
    {
        static string Unknown(string name) => "unbekannt-" + name;
        static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        yield return new Case("no_user", null, Unknown, Json("{}"));
        yield return new Case("unknown_user", UnknownUser, Unknown, Json("{}"));
        yield return new Case("wrong_role", WrongRole, Unknown, Json("{}"));
        yield return new Case("malformed_json", Coordinator, Unknown, Json("{\"places\": 3, \"note\": "));
        yield return new Case("wrong_types", Coordinator, Unknown, Json(WrongTypes));
        yield return new Case("oversized_body", Coordinator, Unknown, new ByteArrayContent(OversizedFor(bodyLimit)) { Headers = { { "Content-Type", "application/json" } } });
        // Query parameters are read by GET routes; a POST action without a body ignores them and would simply run.
        if (method == "GET") yield return new Case("bad_query", Coordinator, Unknown, null, BadQuery);
        yield return new Case("wrong_content_type", Coordinator, Unknown, new StringContent("places=3", Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return new Case("wrong_verb", Coordinator, Unknown, Json("{}"), Method: "PATCH");
        if (!hasRouteValues) yield break;
        yield return new Case("unknown_ids", Coordinator, name => "unbekannt-" + name + "-0000", null);
        yield return new Case("traversal_slash", Coordinator, _ => "..%2F..%2F..%2Fpackage.json", null);
        yield return new Case("traversal_backslash", Coordinator, _ => "..%5C..%5C..%5Cpackage.json", null);
    }

    /// <summary>What is wrong with one answer, or null.</summary>
    /// <param name="constrained">The route constrains a value: the unknown value of a case may end at the router's 404.</param>
    private static string? Check(bool development, bool anonymous, bool constrained, Case c, int status, string? mediaType, string body)
    {
        if (status >= 500 && status != 503) return "server error";
        if (constrained && status == 404 && c.Name != "wrong_verb") return CheckProblem(mediaType, body);
        var refusedRequired = c.Name switch
        {
            "wrong_verb" => 405,
            _ when !development => null, // nobody gets past authentication: 401, or 404 for Development-only routes
            "no_user" or "unknown_user" => !anonymous ? 401 : (int?)null,
            "oversized_body" => 413,
            _ => null,
        };
        if (refusedRequired is { } expected && status != expected) return $"expected {expected}";
        if (c.Name is "unknown_ids" or "traversal_slash" or "traversal_backslash" && status < 400) return "an unknown or traversal id was accepted";
        return status < 400 ? null : CheckProblem(mediaType, body);
    }

    private static string? CheckProblem(string? mediaType, string body)
    {
        if (mediaType is null || !mediaType.Contains("json", StringComparison.Ordinal)) return $"error without JSON body ({mediaType ?? "no content type"})";
        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)
            || body.Contains("TeamsAmdl.", StringComparison.Ordinal) || body.Contains("System.", StringComparison.Ordinal))
            return "stack trace or internal type name: " + body[..Math.Min(300, body.Length)];
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(title.GetString()))
                return "problem JSON without title: " + body[..Math.Min(300, body.Length)];
            if (EnglishDefaults.Any(e => title.GetString()!.Contains(e, StringComparison.OrdinalIgnoreCase)))
                return "English default title: " + title.GetString();
        }
        catch (JsonException)
        {
            return "error body is no JSON: " + body[..Math.Min(300, body.Length)];
        }
        return null;
    }

    private static readonly string[] EnglishDefaults =
        ["Not Found", "Bad Request", "Unauthorized", "Forbidden", "Method Not Allowed", "Internal Server Error", "Unsupported Media Type",
         "Payload Too Large", "One or more", "An error occurred", "validation errors"];

    /// <summary>Every table row, queue length and blob (by ETag) of this app instance's prefix.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var prefix = app.TablePrefix;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(Azurite.ConnectionString);
        await foreach (var t in tables.QueryAsync())
        {
            if (!t.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            await foreach (var e in tables.GetTableClient(t.Name).QueryAsync<TableEntity>())
                result[$"table {t.Name}/{e.PartitionKey}/{e.RowKey}"] = string.Join(";", e.Keys
                    .Where(k => k is not "Timestamp" and not "odata.etag").Order(StringComparer.Ordinal)
                    .Select(k => k + "=" + Convert.ToString(e[k], CultureInfo.InvariantCulture)));
        }
        var queues = new QueueServiceClient(Azurite.ConnectionString);
        await foreach (var q in queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant()))
        {
            var props = await queues.GetQueueClient(q.Name).GetPropertiesAsync();
            result[$"queue {q.Name}"] = props.Value.ApproximateMessagesCount.ToString(CultureInfo.InvariantCulture);
        }
        var blobs = new BlobServiceClient(Azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
            await foreach (var b in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
                result[$"blob {container.Name}/{b.Name}"] = b.Properties.ETag?.ToString() ?? "";
        return result;
    }

    private static async Task<HttpContent> CopyAsync(HttpContent content)
    {
        var bytes = await content.ReadAsByteArrayAsync();
        var copy = new ByteArrayContent(bytes);
        foreach (var h in content.Headers) copy.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return copy;
    }

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z_]\w*)[^}]*\}")]
    private static partial Regex RouteValue();
}
