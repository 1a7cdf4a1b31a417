using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Benchmarks;

/// <summary>
/// Soak: <c>soak [minutes=10] [rps=25]</c>. The dev host in-process on loopback against Azurite, driven open-loop at
/// <c>rps</c> calls per second with a mix of reads (measures, place requests, subscription, waiting list, outbox, digest
/// history, health), Universal Actions card invokes (ping, a bot token from the dev issuer) and place requests (request,
/// then withdraw: the held place goes back and alerts IFKs through the outbox and the dev connector). The retention timer
/// runs every 15 s on short periods (DevHost:Schedule:retention, Retention:* of a few minutes), so row counts must
/// plateau. Per minute: p50/p95/p99, errors, first-chance RequestFailedExceptions (handled ones included: the cost of
/// insert-then-catch), row counts of every table. At the end: whether the row counts stopped growing and the last
/// minute's p99 over the second minute's (target ≤ 1.5).
/// </summary>
public static class Soak
{
    private const int MaxInFlight = 200;
    private const int MinutesToJudgeGrowth = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var rps = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 25;
        if (minutes < 2 || rps <= 0) { Console.Error.WriteLine("soak [minutes ≥ 2] [rps > 0]"); return 2; }

        var origins = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        // One exception raises a first-chance event at its throw and again at every await it passes: count it once, and
        // name it after the first of those stacks that shows our code (the SDK's own frames come first).
        var seen = new ConditionalWeakTable<Exception, StrongBox<bool>>();
        SoakMinute? current = null;
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is not RequestFailedException rfe || current is not { } minute) return;
            if (!seen.TryGetValue(rfe, out var attributed))
            {
                seen.Add(rfe, attributed = new StrongBox<bool>());
                Interlocked.Increment(ref minute.StorageExceptions);
            }
            if (attributed.Value || AppFrame() is not { } frame) return;
            attributed.Value = true;
            origins.AddOrUpdate($"{rfe.Status} {rfe.ErrorCode} at {frame}", 1, (_, n) => n + 1);
        };

        using var app = new BenchApp();
        foreach (var (k, v) in new Dictionary<string, string>
                 {
                     ["DevHost:Schedule:retention"] = "*/15 * * * * *",
                     ["Retention:Idempotency"] = "00:02:00", ["Retention:Messages"] = "00:01:00", ["Retention:Undelivered"] = "00:01:00",
                     ["Retention:PersonalData"] = "00:01:00", ["Retention:Audit"] = "00:02:00",
                     ["FreePlaces:BundlingWindow"] = "00:00:05", ["FreePlaces:WorkingDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
                     ["FreePlaces:WorkingHoursStart"] = "00:00", ["FreePlaces:WorkingHoursEnd"] = "24:00",
                     ["Logging:LogLevel:Azure"] = "Error", // the SDK logs every 404/409/412 answer as a warning: counted below instead
                 })
            app.Settings[k] = v;
        app.Start();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var tables = new TableServiceClient(Azurite.ConnectionString);

        var ctx = (await http.GetFromJsonAsync<JsonObject>("/dev/inbox/api/context?user=koord-weber"))!;
        var token = (await (await http.PostAsJsonAsync("/dev/token", new { serviceUrl = (string)ctx["serviceUrl"]! }))
            .Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        var users = (await Get<JsonArray>(http, "/api/dev/users", "koord-weber"))!;
        var ifks = users.Select(u => u!.AsObject()).Where(u => u["roles"]!.ToJsonString().Contains("Ifk", StringComparison.Ordinal))
            .Select(u => (string)u["id"]!).ToArray();
        var measures = (await Get<JsonArray>(http, "/api/measures", "koord-weber"))!.Select(m => m!.AsObject()).ToArray();
        var open = measures.Where(m => (bool)m["intakeOpen"]! && (int)m["freePlaces"]! > 0).Select(m => (string)m["number"]!).ToArray();
        var all = measures.Select(m => (string)m["number"]!).ToArray();
        Console.WriteLine($"soak: {minutes} min at {rps} calls/s, {ifks.Length} IFKs, {open.Length} of {all.Length} measures with free places, tables '{app.TablePrefix}*'");
        if (ifks.Length == 0 || open.Length == 0) { Console.Error.WriteLine("no IFKs or no free places in the demo data"); return 1; }

        var minuteStats = new List<SoakMinute>();
        var inFlight = 0;
        var n = 0;
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var m = 0; m < minutes; m++)
        {
            var stats = current = new SoakMinute();
            minuteStats.Add(stats);
            var minuteEnd = TimeSpan.FromMinutes(m + 1);
            while (clock.Elapsed < minuteEnd)
            {
                var due = TimeSpan.FromSeconds(n / rps);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                n++;
                if (Volatile.Read(ref inFlight) >= MaxInFlight) { Interlocked.Increment(ref stats.Skipped); continue; }
                Interlocked.Increment(ref inFlight);
                var id = n;
                pending.Add(Task.Run(async () =>
                {
                    try { await OneAsync(http, stats, id, ctx, token, ifks, open, all); }
                    finally { Interlocked.Decrement(ref inFlight); }
                }));
                if (pending.Count > 1000) pending.RemoveAll(t => t.IsCompleted);
            }
            stats.Rows = await CountRowsAsync(tables, app.TablePrefix);
            Print(m + 1, stats);
        }
        current = null;
        await Task.WhenAll(pending);

        Console.WriteLine();
        Console.WriteLine("first-chance RequestFailedException by origin (handled ones included):");
        foreach (var (origin, count) in origins.OrderByDescending(o => o.Value).Take(12))
            Console.WriteLine($"  {count,7}  {origin}");
        return Summary(minuteStats);
    }

    private static async Task OneAsync(HttpClient http, SoakMinute stats, int id, JsonObject ctx, string token, string[] ifks, string[] open, string[] all)
    {
        var ifk = ifks[id % ifks.Length];
        var measure = all[id % all.Length];
        var pick = id % 20;
        try
        {
            switch (pick)
            {
                case 0 or 1: await Call(http, stats, HttpMethod.Get, "/api/measures", "koord-weber"); break;
                case 2 or 3: await Call(http, stats, HttpMethod.Get, $"/api/measures/{measure}", ifk); break;
                case 4 or 5: await Call(http, stats, HttpMethod.Get, "/api/freeplaces/requests", ifk); break;
                case 6: await Call(http, stats, HttpMethod.Get, "/api/freeplaces/requests", "koord-weber"); break;
                case 7: await Call(http, stats, HttpMethod.Get, "/api/freeplaces/subscription", ifk); break;
                case 8: await Call(http, stats, HttpMethod.Get, $"/api/measures/{measure}/waitlist", ifk); break;
                case 9: await Call(http, stats, HttpMethod.Get, "/api/outbox?max=50", "koord-weber"); break;
                case 10: await Call(http, stats, HttpMethod.Get, "/api/digest/history", "koord-weber"); break;
                case 11: await Call(http, stats, HttpMethod.Get, "/healthz", null); break;
                case < 17: await InvokeAsync(http, stats, id, ctx, token); break;
                default: await PlaceRequestAsync(http, stats, id, ifk, open[id % open.Length]); break;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            stats.Errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
        }
    }

    /// <summary>Request a place, then withdraw it (the place goes back: waiting list, alerts). 409 = no place: an answer, not an error.</summary>
    private static async Task PlaceRequestAsync(HttpClient http, SoakMinute stats, int id, string ifk, string measure)
    {
        var body = JsonContent.Create(new { customerRef = $"SOAK-{id:D6}", note = "Eintritt frühestens ab Montag" });
        var (status, json) = await Call(http, stats, HttpMethod.Post, $"/api/measures/{measure}/requests", ifk, body, HttpStatusCode.Conflict);
        if (status != HttpStatusCode.Created || json is null) return;
        var requestId = (string)JsonNode.Parse(json)!["id"]!;
        await Call(http, stats, HttpMethod.Post, $"/api/freeplaces/requests/{measure}/{requestId}/withdraw", ifk);
    }

    private static async Task InvokeAsync(HttpClient http, SoakMinute stats, int id, JsonObject ctx, string token)
    {
        var activity = new JsonObject
        {
            ["type"] = "invoke", ["name"] = "adaptiveCard/action", ["id"] = $"soak-{id}", ["channelId"] = "msteams",
            ["serviceUrl"] = ctx["serviceUrl"]!.DeepClone(), ["from"] = ctx["from"]!.DeepClone(), ["recipient"] = ctx["bot"]!.DeepClone(),
            ["conversation"] = ctx["conversation"]!.DeepClone(),
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ping", ["data"] = new JsonObject { ["requestId"] = $"soak-{id}" } },
                ["trigger"] = "manual",
            },
        };
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sw = Stopwatch.StartNew();
        using var res = await http.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        stats.Latencies.Add(sw.Elapsed.TotalMilliseconds);
        Interlocked.Increment(ref stats.Calls);
        if (!res.IsSuccessStatusCode || !text.Contains("\"statusCode\":200", StringComparison.Ordinal))
            stats.Errors.AddOrUpdate($"invoke {(int)res.StatusCode}", 1, (_, c) => c + 1);
    }

    private static async Task<(HttpStatusCode Status, string? Body)> Call(HttpClient http, SoakMinute stats, HttpMethod method, string path,
        string? user, HttpContent? content = null, HttpStatusCode? alsoFine = null)
    {
        using var req = new HttpRequestMessage(method, path) { Content = content };
        if (user is not null) req.Headers.Add("X-Dev-User", user);
        var sw = Stopwatch.StartNew();
        using var res = await http.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        stats.Latencies.Add(sw.Elapsed.TotalMilliseconds);
        Interlocked.Increment(ref stats.Calls);
        if (!res.IsSuccessStatusCode && res.StatusCode != alsoFine)
        {
            var route = string.Join('/', path.Split('?')[0].Split('/').Take(4));
            stats.Errors.AddOrUpdate($"{method} {route} {(int)res.StatusCode}", 1, (_, c) => c + 1);
        }
        return (res.StatusCode, text);
    }

    private static async Task<T?> Get<T>(HttpClient http, string path, string user) where T : JsonNode
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Add("X-Dev-User", user);
        using var res = await http.SendAsync(req);
        res.EnsureSuccessStatusCode();
        return (T?)JsonNode.Parse(await res.Content.ReadAsStringAsync());
    }

    /// <summary>Rows of every table of this run (keys only).</summary>
    private static async Task<Dictionary<string, long>> CountRowsAsync(TableServiceClient service, string prefix)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var t in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            long rows = 0;
            await foreach (var page in service.GetTableClient(t.Name).QueryAsync<TableEntity>(select: ["RowKey"], maxPerPage: 1000).AsPages())
                rows += page.Values.Count;
            counts[t.Name[prefix.Length..]] = rows;
        }
        return counts;
    }

    private static void Print(int minute, SoakMinute s)
    {
        var errors = s.ErrorCount == 0 ? "0" : $"{s.ErrorCount} ({string.Join(", ", s.Errors.Select(e => $"{e.Key}: {e.Value}"))})";
        Console.WriteLine($"min {minute,2}: calls={s.Calls,5}  p50={s.P(0.5),6:F1}  p95={s.P(0.95),6:F1}  p99={s.P(0.99),6:F1} ms  " +
                          $"errors={errors}  skipped={s.Skipped}  storage exceptions={s.StorageExceptions} ({(s.Calls == 0 ? 0 : (double)s.StorageExceptions / s.Calls):F2}/call)");
        Console.WriteLine("        rows: " + string.Join("  ", s.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}")));
    }

    private static int Summary(List<SoakMinute> minutes)
    {
        var last = minutes[^1];
        var before = minutes[^2];
        // Stopped growing: no table gained more than 10 % (or 25 rows, for small tables) in the last minute. The sweep runs
        // every 15 s, so a plateaued count still swings by up to one interval's writes (~6 % of a 2-minute window).
        var growing = last.Rows.Where(r => r.Value - before.Rows.GetValueOrDefault(r.Key) > Math.Max(25, 0.10 * before.Rows.GetValueOrDefault(r.Key)))
            .Select(r => $"{r.Key} {before.Rows.GetValueOrDefault(r.Key)}→{r.Value}").ToList();
        var ratio = minutes[1].P(0.99) == 0 ? double.NaN : last.P(0.99) / minutes[1].P(0.99);
        var calls = minutes.Sum(m => m.Calls);
        var errors = minutes.Sum(m => m.ErrorCount);
        var exceptions = minutes.Sum(m => m.StorageExceptions);
        Console.WriteLine();
        Console.WriteLine($"total: {calls} calls, {errors} errors, {exceptions} first-chance storage exceptions ({(double)exceptions / Math.Max(1, calls):F2}/call)");
        // The longest soak retention (Idempotency, 2 minutes) plus one sweep interval must lie before the last minute.
        var judgeable = minutes.Count >= MinutesToJudgeGrowth;
        Console.WriteLine(!judgeable ? $"row counts: run too short to judge (the 2-minute window + 15 s sweep need ≥ {MinutesToJudgeGrowth} minutes); last minute: "
                                       + (growing.Count == 0 ? "no table grew > 10 %" : "grew: " + string.Join(", ", growing))
            : growing.Count == 0 ? "row counts: stopped growing (no table grew > 10 % in the last minute)"
            : "row counts: STILL GROWING: " + string.Join(", ", growing));
        Console.WriteLine($"p99 last minute / second minute: {last.P(0.99):F1} / {minutes[1].P(0.99):F1} ms = {ratio:F2} (target ≤ 1.5): {(ratio <= 1.5 ? "ok" : "MISSED")}");
        return judgeable && growing.Count == 0 && ratio <= 1.5 && errors == 0 ? 0 : 1;
    }

    /// <summary>The innermost frame of our code on the current stack (where the storage call was made).</summary>
    private static string? AppFrame()
    {
        foreach (var frame in new StackTrace(2, false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            var name = type?.FullName ?? "";
            if (!name.StartsWith("TeamsAmdl.", StringComparison.Ordinal) || name.StartsWith("TeamsAmdl.Benchmarks", StringComparison.Ordinal)) continue;
            // async state machines "Outer+<MethodAsync>d__5", closures "Outer+<>c__DisplayClass7_0.<MethodAsync>b__0" → Outer.MethodAsync
            var outer = type!;
            while (outer.DeclaringType is { } d && outer.Name.StartsWith('<')) outer = d;
            var method = frame.GetMethod()!.Name;
            var generated = System.Text.RegularExpressions.Regex.Match(name + "." + method, "<([A-Za-z_][A-Za-z0-9_]*)>");
            return $"{outer.Name}.{(generated.Success ? generated.Groups[1].Value : method)}";
        }
        return null;
    }
}
