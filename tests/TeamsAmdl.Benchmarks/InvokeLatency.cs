using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsAmdl.Benchmarks;

/// <summary>
/// Latency of a Universal Actions invoke (verb "ping": token validation, user lookup, idempotency record, event row,
/// replacement card) through POST /api/messages, as Teams would send it. Each request has its own requestId, so
/// every one does the full work. Sequential first (latency), then 8 concurrent callers (latency under load).
/// </summary>
public static class InvokeLatency
{
    public static async Task RunAsync(int count)
    {
        using var app = new BenchApp().Start();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var ctx = (await http.GetFromJsonAsync<JsonObject>("/dev/inbox/api/context?user=koord-weber"))!;
        var token = (await (await http.PostAsJsonAsync("/dev/token", new { serviceUrl = (string)ctx["serviceUrl"]! }))
            .Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var n = 0;
        async Task<double> OneAsync()
        {
            var id = Interlocked.Increment(ref n);
            var activity = new JsonObject
            {
                ["type"] = "invoke", ["name"] = "adaptiveCard/action", ["id"] = $"bench-{id}", ["channelId"] = "msteams",
                ["serviceUrl"] = ctx["serviceUrl"]!.DeepClone(), ["from"] = ctx["from"]!.DeepClone(), ["recipient"] = ctx["bot"]!.DeepClone(),
                ["conversation"] = ctx["conversation"]!.DeepClone(),
                ["value"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ping", ["data"] = new JsonObject { ["requestId"] = $"bench-{id}" } },
                    ["trigger"] = "manual",
                },
            };
            var sw = Stopwatch.StartNew();
            using var res = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await res.Content.ReadAsStringAsync();
            sw.Stop();
            if (!res.IsSuccessStatusCode || !body.Contains("\"statusCode\":200"))
                throw new InvalidOperationException($"Invoke failed: {(int)res.StatusCode} {body}");
            return sw.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 50; i++) await OneAsync(); // warm-up: JIT, connections, table creation

        var sequential = new List<double>(count);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) sequential.Add(await OneAsync());
        Report("sequential", sequential, wall.Elapsed);

        var concurrent = new System.Collections.Concurrent.ConcurrentBag<double>();
        wall.Restart();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < count / 8; i++) concurrent.Add(await OneAsync());
        }));
        Report("8 concurrent", concurrent.ToList(), wall.Elapsed);
    }

    private static void Report(string label, List<double> ms, TimeSpan wall)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine($"invoke ping, {label,-12}: n={ms.Count}  p50={P(0.50):F1} ms  p95={P(0.95):F1} ms  p99={P(0.99):F1} ms  " +
                          $"max={ms[^1]:F1} ms  throughput={ms.Count / wall.TotalSeconds:F0}/s");
    }
}
