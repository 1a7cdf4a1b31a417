using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Benchmarks;

/// <summary>
/// Weekly Maßnahmeinfo: time to build the digest of 300 measures and post it 1:1 to 500 recipients through the real
/// app (Development, Azurite) with a fake Bot Connector that accepts every activity at once (so the numbers are the
/// app's and the storage's, not Teams'). Phases: reading the week, building the cards, the publish request (outbox
/// enqueue of recipients × parts, one e-Akte document per measure, the PDF), and delivery by the outbox worker until
/// every message is Sent. Usage: dotnet run -c Release --project tests/TeamsAmdl.Benchmarks -- digest [measures=300] [recipients=500]
/// [extra worker loops=0] (extra loops stand for further app instances; on one Azurite they mostly compete for it).
/// </summary>
public static class DigestPublish
{
    /// <summary>Accepts everything, remembers the largest activity (the 28 KB limit) and counts the posts.</summary>
    private sealed class FakeConnector : ConnectorClient
    {
        private int _sent;
        private int _maxBytes;
        public int Sent => Volatile.Read(ref _sent);
        public int MaxBytes => Volatile.Read(ref _maxBytes);
        public ConcurrentDictionary<string, int> PerConversation { get; } = new();

        public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(new ConversationResourceResponse { Id = "a:bench-" + parameters.Members![0].AadObjectId, ServiceUrl = serviceUrl });

        public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
            CancellationToken cancellationToken = default)
        {
            // Only the digest counts (the demo seed of other features may send a card of its own).
            var fallback = ActivitySerializer.Serialize(activity.Attachments?.FirstOrDefault()?.Content) is { } json
                ? System.Text.Json.Nodes.JsonNode.Parse(json)?["fallbackText"]?.GetValue<string>() : null;
            if (fallback?.StartsWith("Maßnahmeinfo KW", StringComparison.Ordinal) != true)
                return Task.FromResult(new ResourceResponse { Id = Guid.NewGuid().ToString("N") });
            var bytes = ActivitySerializer.SerializeToUtf8Bytes(activity).Length;
            int seen;
            while (bytes > (seen = Volatile.Read(ref _maxBytes)) && Interlocked.CompareExchange(ref _maxBytes, bytes, seen) != seen) { }
            PerConversation.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            return Task.FromResult(new ResourceResponse { Id = Interlocked.Increment(ref _sent).ToString() });
        }
    }

    private sealed class App(FakeConnector connector, string filingFolder) : WebApplicationFactory<TeamsAmdl.DevHost.Program>
    {
        public string Prefix { get; } = Azurite.UniqueName("d")[..12];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", Prefix);
            builder.UseSetting("DevHost:RunTimers", "false");
            builder.UseSetting("Filing:LocalFolder", filingFolder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:TeamsAmdl.Functions.Digest", "Information");
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<ConnectorClient>(connector)));
        }
    }

    public static async Task<int> RunAsync(int[] args)
    {
        var measureCount = args.Length > 0 ? args[0] : 300;
        var recipientCount = args.Length > 1 ? args[1] : 500;
        var extraWorkers = args.Length > 2 ? args[2] : 0;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TEAMSAMDL_FUNCTIONS", Path.Combine(RepoRoot.Find(), "functions", "TeamsAmdl.Functions"));
        var filing = Directory.CreateTempSubdirectory("teamsamdl-bench-eakte-");
        var connector = new FakeConnector();
        await using var app = new App(connector, filing.FullName);
        using var http = app.CreateClient(); // starts the app: demo seed (26 measures, 32 IFKs), queue triggers
        http.DefaultRequestHeaders.Add("X-Dev-User", "koord-weber");
        var services = app.Services;
        var today = BerlinCalendar.Today(TimeProvider.System);
        var week = WeekKey.Of(today);

        // Bring the demo Jobcenter to the size asked for: more measures, more IFKs (all reachable in Teams).
        var measures = services.GetRequiredService<MeasureRepository>();
        var existing = (await measures.ListAsync(today)).Count(s => MissingInputs.RunsIn(s.Measure, week));
        var kinds = new[] { MeasureKind.Einkaufsmassnahme, MeasureKind.Agh, MeasureKind.LapProjekt, MeasureKind.Gutschein, MeasureKind.UbInbeq };
        var teams = new[] { "team-u25", "team-ue25-nord", "team-reha", "team-sued" };
        await Parallel.ForEachAsync(Enumerable.Range(1, Math.Max(0, measureCount - existing)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) =>
            {
                var kind = kinds[i % kinds.Length];
                await measures.UpsertAsync(Measure.Create($"962-B-{today.Year}-{i:D4}", $"Qualifizierung Lager, Logistik und Handel – Gruppe {i}", kind,
                    "§ 45 SGB III", "tr-rheinaue", "Musterstadt-Süd", today.AddMonths(-2), today.AddMonths(10), Capacity.Create(kind, 12 + i % 9), null,
                    $"betr-{i % 8 + 1:00}", "koord-weber", teams[i % teams.Length], "Arbeitsuchende"), ct);
            });
        var staff = services.GetRequiredService<StaffRepository>();
        var ifks = (await staff.ListAsync()).Count(s => s.Has(StaffRole.Ifk));
        await Parallel.ForEachAsync(Enumerable.Range(1, Math.Max(0, recipientCount - ifks)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await staff.UpsertAsync(new Staff($"ifk-bench-{i:D4}", $"Test IFK {i}", $"ifk.bench.{i}@jobcenter-musterstadt.example",
                teams[i % teams.Length], new HashSet<StaffRole> { StaffRole.Ifk }, Guid.NewGuid().ToString()), ct));

        // Warm-up: JIT and table creation, on the week view and one preview.
        await http.GetFromJsonAsync<JsonObject>($"/api/digest/weeks/{week}");
        await http.GetFromJsonAsync<JsonObject>($"/api/digest/weeks/{week}/preview");
        // …and the publish request up to the missing-inputs question (409, nothing published), as a coordinator's first click would.
        await http.PostAsJsonAsync($"/api/digest/weeks/{week}/publish", new { publishId = Guid.NewGuid().ToString(), ifk = true });

        var load = Stopwatch.StartNew();
        var data = await services.GetRequiredService<WeekService>().LoadAsync(week, CancellationToken.None);
        load.Stop();
        var snapshot = new DigestSnapshot("bench", week.ToString(), "koord-weber", "Julia Weber", DateTimeOffset.UtcNow, data.Today, null, data.Entries);
        var build = Stopwatch.StartNew();
        var parts = services.GetRequiredService<DigestBuilder>().Build(snapshot);
        build.Stop();

        // Extra worker loops in this process, as further app instances would run them (the hosted one runs anyway).
        using var stop = new CancellationTokenSource();
        var worker = services.GetRequiredService<OutboxWorker>();
        var loops = Enumerable.Range(0, extraWorkers).Select(_ => Task.Run(() => worker.RunAsync(stop.Token))).ToList();

        var total = Stopwatch.StartNew();
        var res = await http.PostAsJsonAsync($"/api/digest/weeks/{week}/publish",
            new { publishId = Guid.NewGuid().ToString(), ifk = true, confirmMissing = true, correction = true });
        var publish = total.Elapsed;
        var accepted = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        if ((int)res.StatusCode != 202) throw new InvalidOperationException("publish failed: " + accepted.ToJsonString());
        // The publication runs as a job: follow its progress (as the tab does) until every message and document is final.
        JsonObject result;
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            result = (await http.GetFromJsonAsync<JsonObject>((string)accepted["statusUrl"]!))!;
            if ((bool)result["finished"]!) break;
            await Task.Delay(200);
            if (total.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = total.Elapsed;
                Console.Error.WriteLine($"  … {(string?)result["text"]} ({(int)result["percent"]!} %) after {total.Elapsed.TotalSeconds:F0} s");
            }
            if (total.Elapsed > TimeSpan.FromMinutes(15)) throw new TimeoutException("not finished after 15 min: " + result.ToJsonString());
        }
        var expected = (int)result["messages"]!["total"]!;
        while (connector.Sent < expected) await Task.Delay(50); // the last posts are counted as they return
        total.Stop();
        stop.Cancel();
        try { await Task.WhenAll(loops); } catch (OperationCanceledException) { }

        Console.WriteLine($"digest publish: {data.Measures.Count} measures, {(int)result["recipients"]!} recipients (1:1, each their own digest), " +
                          $"at most {(int)result["personalParts"]!} message(s) per recipient (the full table would be {parts.Cards.Count}), {expected} activities, " +
                          $"{(int)result["filingDocuments"]!} e-Akte documents, {1 + extraWorkers} outbox worker loop(s); final: {(string?)result["text"]}, " +
                          $"complete {(bool)result["complete"]!}");
        Console.WriteLine($"  read week          {load.Elapsed.TotalMilliseconds,8:F0} ms");
        Console.WriteLine($"  build full table   {build.Elapsed.TotalMilliseconds,8:F0} ms   (channels and history: {parts.Cards.Count} messages, largest {parts.Bytes.Max():N0} bytes)");
        Console.WriteLine($"  publish request    {publish.TotalMilliseconds,8:F0} ms   (202: checks, snapshot, job queued; the job builds, enqueues {expected} messages, files, renders the PDF)");
        Console.WriteLine($"  largest 1:1 message {connector.MaxBytes:N0} bytes as posted (limit 28 KB = 28,672)");
        Console.WriteLine($"  delivered (all)    {total.Elapsed.TotalMilliseconds,8:F0} ms   ({expected / total.Elapsed.TotalSeconds:F0} messages/s end to end; " +
                          $"messages per recipient: min {connector.PerConversation.Values.Min()}, max {connector.PerConversation.Values.Max()}, {connector.PerConversation.Count} recipients)");
        var outbox = await services.GetRequiredService<Proactive>().Outbox.ListAsync();
        var digestRows = outbox.Where(e => e.MessageKey.StartsWith("digest:", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"  outbox rows        {digestRows.Count} digest messages: {digestRows.Count(e => e.Status == OutboxStatus.Sent)} Sent, " +
                          $"{digestRows.Count(e => e.Attempts > 1)} with more than one attempt, {digestRows.Sum(e => e.InDoubtResends)} in-doubt resend(s)");
        await app.DisposeAsync();
        try { filing.Delete(recursive: true); } catch (IOException) { /* the filing worker's last files; a temp folder */ }
        return 0;
    }
}
