using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Benchmarks;

/// <summary>
/// Free-place alert fan-out: one Abbruch in a measure whose team has <c>count</c> IFKs, all subscribed by default.
/// The whole path runs as in production: alert planning and bundling rows in Azurite, the alert worker, the durable
/// outbox and its queue trigger (dev host), the real <see cref="ConnectorClient"/> (HTTPS, Teams retry policy) behind the
/// app's client-side rate limiter. The Bot Connector is a local HTTPS fake that enforces the Teams limits as the
/// service does (per app per tenant 50 requests/s; per conversation 7/s, 8/2 s, 60/30 s, 1,800/h) and answers
/// excess requests with 429 + Retry-After. The IFKs have installed the app (stored personal conversations);
/// <c>--cold</c> leaves them out, so every first message also creates the chat.
/// Reports messages/s (sustained = the middle 80 % of the deliveries; also first to last delivery and end to end from the
/// exit), 429s, lost and duplicated. The host's load matters: the app, Azurite (one Node thread) and the fake share the CPUs.
/// </summary>
public static class AlertFanOut
{
    private const string Tenant = "00000000-0000-0000-0000-0000000de7e0"; // DevBotDefaults.TenantId
    private const string Team = "team-bench";
    private const string MeasureNumber = "962-B-2026-0999";

    /// <summary>
    /// Arguments: [count (2000)] [--workers n (1)] [--cold] [--progress] [--timeline] [--set Section:Key=value]… (app settings,
    /// e.g. Bot:RateLimit:SafetyMargin=0.1). With --workers n, n − 1 more outbox workers run as processes of their own
    /// (<see cref="FanOutWorker"/>) on the same outbox and the same shared tenant budget, as a scaled-out app would.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var workersAt = Array.IndexOf(args, "--workers");
        var workers = workersAt >= 0 && workersAt + 1 < args.Length ? int.Parse(args[workersAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var count = args.Where((a, i) => !a.StartsWith('-') && !a.Contains('=') && (workersAt < 0 || i != workersAt + 1)).FirstOrDefault() is { } n
            ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var cold = args.Contains("--cold");
        var progress = args.Contains("--progress");
        var timeline = args.Contains("--timeline");
        var settings = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length).Select(x => args[x.i + 1].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        return await RunAsync(count, workers, cold, progress, timeline, settings);
    }

    private static async Task<int> RunAsync(int count, int workers, bool cold, bool progress, bool timeline, IReadOnlyDictionary<string, string> settings)
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        using var app = new FanOutApp(connector, settings).Start();
        var services = app.Services;
        var time = services.GetRequiredService<TimeProvider>();
        var today = BerlinCalendar.Today(time);

        Console.WriteLine($"fanout: preparing {count} IFKs (team {Team}){(cold ? ", no stored conversations" : ", app installed (stored conversations)")} …");
        var staff = services.GetRequiredService<StaffRepository>();
        await staff.UpsertTeamAsync(new Team(Team, "Team Benchmark", "Musterstadt-Ost"));
        var ifks = Enumerable.Range(1, count).Select(i => new Staff($"ifk-bench-{i:0000}", $"IFK {i}", $"ifk{i}@bench.example", Team,
            new HashSet<StaffRole> { StaffRole.Ifk }, AadObjectId: Guid.NewGuid().ToString())).ToList();
        var references = services.GetRequiredService<Proactive>().References;
        await references.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(ifks, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (s, ct) =>
        {
            await staff.UpsertAsync(s, ct);
            if (!cold)
                await references.SaveUserConversationAsync(Tenant, s.AadObjectId!, connector.ServiceUrl, FakeTeamsConnector.ConversationOf(s.AadObjectId!),
                    "28:" + FanOutApp.AppId, "msteams", ct);
        });
        var measures = services.GetRequiredService<MeasureRepository>();
        await measures.UpsertAsync(Measure.Create(MeasureNumber, "Benchmark-Maßnahme", MeasureKind.Einkaufsmassnahme, "§ 45 SGB III", "tr-rheinaue",
            "Musterstadt-Ost", today.AddDays(-60), today.AddDays(300), Capacity.Create(MeasureKind.Einkaufsmassnahme, 10), null, "betr-01",
            "koord-weber", Team));
        var tables = services.GetRequiredService<Tables>();
        foreach (var k in Enumerable.Range(1, 10))
            await tables.Measures.UpsertEntityAsync(PlaceEntity.From(new Participation(MeasureNumber, $"TN-{k:0000}-BM", today.AddDays(-50)), time.GetUtcNow()));

        // The other instances' outbox workers, each a process of its own (the app's own worker is the first).
        var children = new List<System.Diagnostics.Process>();
        var childStats = new ConcurrentQueue<string>();
        for (var w = 1; w < workers; w++)
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var number = w;
            children.Add(FanOutWorker.Start(Azurite.ConnectionString, app.TablePrefix, Tenant, "28:" + FanOutApp.AppId, connector, line =>
            {
                if (line == "ready") ready.TrySetResult();
                else if (line.StartsWith("stats ", StringComparison.Ordinal)) childStats.Enqueue(line);
                else Console.WriteLine($"  worker {number}: {line}");
            }));
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        if (workers > 1) Console.WriteLine($"fanout: {workers - 1} more outbox worker processes running");

        var betreuer = (await staff.GetAsync("betr-01"))!;
        var clock = Stopwatch.StartNew();
        var triggeredAt = connector.Now;
        var result = await services.GetRequiredService<FreePlaceOperations>().RecordExitAsync(betreuer, MeasureNumber, "TN-0001-BM",
            today.AddDays(-1), ExitReason.Abbruch, CancellationToken.None);
        var planned = clock.Elapsed;
        if (result.Alert is not { Alerted: true } alert)
            throw new InvalidOperationException("The exit did not alert: " + result.Message + " " + result.Alert?.Reason);
        Console.WriteLine($"fanout: exit recorded, {alert.Recipients} recipients planned in {planned.TotalSeconds:F1} s");

        var expected = ifks.Select(i => i.AadObjectId!).ToHashSet();
        var deadline = TimeSpan.FromSeconds(Math.Max(120, count / 10));
        var lastReport = TimeSpan.Zero;
        while (connector.DeliveredTo(expected) < expected.Count && clock.Elapsed < deadline)
        {
            await Task.Delay(200);
            if (progress && clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F1} s: {connector.Deliveries.Count} delivered, {connector.Throttled} × 429");
            }
        }
        var done = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3)); // late duplicates would show up here
        foreach (var child in children)
        {
            child.StandardInput.Close(); // asks the worker to stop
            if (!child.WaitForExit(TimeSpan.FromSeconds(20))) child.Kill(true);
            child.WaitForExit();
            child.Dispose();
        }

        var perRecipient = connector.Deliveries.GroupBy(d => d.Recipient).ToDictionary(g => g.Key, g => g.Count());
        var lost = expected.Count(r => !perRecipient.ContainsKey(r));
        var duplicated = expected.Sum(r => Math.Max(0, perRecipient.GetValueOrDefault(r) - 1));
        var sends = connector.Deliveries.Where(d => expected.Contains(d.Recipient)).Select(d => d.At).Order().ToList();
        var sustained = sends.Count > 1 ? (sends.Count - 1) / (sends[^1] - sends[0]).TotalSeconds : 0;
        // Steady state: the middle 80 % of the deliveries (without the start, while cards are still being planned, and the tail).
        var (p10, p90) = (sends.Count / 10, sends.Count * 9 / 10);
        var steady = p90 > p10 ? (p90 - p10) / (sends[p90] - sends[p10]).TotalSeconds : sustained;
        var endToEnd = sends.Count / done.TotalSeconds;
        var statuses = (await services.GetRequiredService<Proactive>().Outbox.ListAsync())
            .Where(e => e.MessageKey.StartsWith("fp:alert:", StringComparison.Ordinal)).GroupBy(e => e.Status)
            .ToDictionary(g => g.Key, g => g.Count());
        var limiter = services.GetRequiredService<ConnectorRateLimiter>();

        Console.WriteLine($"fanout {count} IFKs{(cold ? " (cold)" : "")}, {workers} worker process{(workers == 1 ? "" : "es")}: delivered {sends.Count} in {done.TotalSeconds:F1} s after the exit " +
                          $"(first card after {(sends.Count > 0 ? (sends[0] - triggeredAt).TotalSeconds : 0):F1} s)");
        Console.WriteLine($"  messages/s   sustained {steady:F1} (middle 80 % of the deliveries), first to last {sustained:F1}, end to end {endToEnd:F1}");
        Console.WriteLine($"  requests     {connector.Requests} to the connector ({connector.Creates} conversation creations), " +
                          $"429: {connector.Throttled} ({100.0 * connector.Throttled / Math.Max(1, connector.Requests):F2} %)");
        Console.WriteLine($"  peak         {connector.PeakPerSecond} accepted requests in one second (limit {FakeTeamsConnector.TenantPerSecond})");
        if (sends.Count > 1)
        {
            var perSecond = sends.GroupBy(t => (int)(t - sends[0]).TotalSeconds).Select(g => g.Count()).ToList();
            var full = perSecond.Take(Math.Max(1, perSecond.Count - 1)).Order().ToList(); // the last second is partial
            if (timeline) Console.WriteLine("  timeline     " + string.Join(" ", perSecond));
            Console.WriteLine($"  per second   min {full[0]}, median {full[full.Count / 2]}, max {full[^1]}; " +
                              $"seconds below 45: {full.Count(c => c < 45)} of {full.Count}");
        }
        Console.WriteLine($"  lost         {lost}   duplicated {duplicated}");
        Console.WriteLine($"  outbox       {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}");
        Console.WriteLine($"  limiter      {limiter.Acquired} permits, {limiter.Waits} waited (total {limiter.TotalWait.TotalSeconds:F0} s)" +
                          (limiter.Shared is { } shared ? $", shared budget: {shared.Claims} claims, {shared.Conflicts} × 412, {shared.Expired} permits dropped" : ", not shared"));
        foreach (var line in childStats)
        {
            var v = line.Split(' ');
            Console.WriteLine($"  worker proc  {v[1]} permits, {v[2]} waited, shared budget: {v[3]} claims, {v[4]} × 412, {v[5]} permits dropped");
        }
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"  host         {Environment.ProcessorCount} CPUs, load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1/5/15 min)");
        var ok = lost == 0 && duplicated == 0 && steady >= 45 && connector.Throttled < 0.01 * connector.Requests;
        Console.WriteLine($"  target       ≥ 45 msg/s, 0 lost, 0 duplicated, < 1 % 429: {(ok ? "met" : "NOT met")}");
        return ok ? 0 : 1;
    }

    /// <summary>The app on Azurite; the bot's connector is the real client against the fake, behind the app's limiter.</summary>
    private sealed class FanOutApp(FakeTeamsConnector connector, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TeamsAmdl.DevHost.Program>
    {
        public const string AppId = "00000000-0000-0000-0000-00000000b07d";

        public string TablePrefix { get; } = Azurite.UniqueName("f")[..12];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", TablePrefix);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:TeamsAmdl.Bot.OutboxWorker", "Error");
            builder.UseSetting("DevHost:RunTimers", "false");
            builder.UseSetting("Bot:ServiceUrl", connector.ServiceUrl);
            builder.UseSetting("FreePlaces:BundlingWindow", "00:00:00");
            builder.UseSetting("FreePlaces:WorkingDays", "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday");
            builder.UseSetting("FreePlaces:WorkingHoursStart", "00:00");
            builder.UseSetting("FreePlaces:WorkingHoursEnd", "24:00");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices((context, s) =>
            {
                // The real connector client over HTTPS (trusting the fake's certificate), then the app's limiter in front again.
                var options = new ConnectorClientOptions { Transport = new HttpClientTransport(connector.CreateTrustingHandler()) };
                s.Replace(ServiceDescriptor.Singleton<ConnectorClient>(new ConnectorClient(new StaticToken(), options)));
                s.AddConnectorRateLimit(context.Configuration);
                // Fast polling while idle (the default backs off to 30 s before the first message arrives).
                s.Replace(ServiceDescriptor.Singleton(sp =>
                {
                    var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
                    return new OutboxWorker(sp.GetRequiredService<Outbox>(), sp.GetRequiredService<ConversationReferenceStore>(),
                        sp.GetRequiredService<ConnectorClient>(),
                        new OutboxWorkerOptions
                        {
                            BotId = "28:" + o.EffectiveAppId, ServiceUrl = o.ServiceUrl, PollInterval = TimeSpan.FromMilliseconds(50),
                            MaxPollInterval = TimeSpan.FromMilliseconds(200),
                        },
                        sp.GetRequiredService<ILogger<OutboxWorker>>(), sp.GetRequiredService<TimeProvider>());
                }));
            });
        }

        public FanOutApp Start()
        {
            _ = Services; // builds and starts the host: seed, queue and timer triggers
            return this;
        }
    }

    internal sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("bench-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>
/// A Bot Connector on HTTPS (self-signed certificate) that enforces the Teams limits with sliding windows and
/// answers requests beyond them with 429 and a Retry-After (whole seconds until the window admits the request).
/// Only accepted requests count against the windows.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    public const int TenantPerSecond = 50;
    private static readonly (int Permits, TimeSpan Window)[] ConversationLimits =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    private readonly Lock _gate = new();
    private readonly Queue<TimeSpan> _tenant = new();
    private readonly Dictionary<string, List<TimeSpan>> _conversations = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly X509Certificate2 _certificate = CreateCertificate();
    private WebApplication _app = null!;
    private int _requests, _throttled, _creates, _ids, _peak;
    private readonly Queue<TimeSpan> _lastSecond = new();

    public string ServiceUrl { get; private set; } = "";
    public string Thumbprint => _certificate.Thumbprint;
    public ConcurrentQueue<(string Recipient, TimeSpan At)> Deliveries { get; } = new();
    public int Requests => Volatile.Read(ref _requests);
    public int Throttled => Volatile.Read(ref _throttled);
    public int Creates => Volatile.Read(ref _creates);
    public int PeakPerSecond => Volatile.Read(ref _peak);
    public TimeSpan Now => _clock.Elapsed;

    public static string ConversationOf(string aadObjectId) => "a:fake-" + aadObjectId;

    public int DeliveredTo(IReadOnlySet<string> recipients) => Deliveries.Select(d => d.Recipient).Where(recipients.Contains).Distinct().Count();

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var fake = new FakeTeamsConnector();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxConcurrentConnections = null;
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(fake._certificate));
        });
        fake._app = builder.Build();
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync();
        fake.ServiceUrl = fake._app.Urls.Single().TrimEnd('/') + "/emea/";
        return fake;
    }

    public HttpClientHandler CreateTrustingHandler() => new()
    {
        MaxConnectionsPerServer = 64,
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || certificate?.Thumbprint == _certificate.Thumbprint,
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        Interlocked.Increment(ref _requests);
        // /emea/v3/conversations[/{id}/activities[/{activityId}]]
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var conversation = parts.Length >= 4 ? Uri.UnescapeDataString(parts[3]) : null;
        if (Admit(conversation) is { } retryAfter)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "Rate limit exceeded" } });
            return;
        }
        if (conversation is null)
        {
            Interlocked.Increment(ref _creates);
            var member = body.RootElement.GetProperty("members")[0];
            var aad = member.TryGetProperty("aadObjectId", out var a) ? a.GetString()! : member.GetProperty("id").GetString()!;
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id = ConversationOf(aad), serviceUrl = ServiceUrl });
            return;
        }
        if (context.Request.Method == "POST")
            Deliveries.Enqueue((conversation["a:fake-".Length..], _clock.Elapsed));
        context.Response.StatusCode = context.Request.Method == "POST" ? 201 : 200;
        await context.Response.WriteAsJsonAsync(new { id = $"msg-{Interlocked.Increment(ref _ids)}" });
    }

    /// <summary>Null if the request is within all limits (and counts it), else how long until it would be.</summary>
    private TimeSpan? Admit(string? conversation)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            while (_tenant.Count > 0 && now - _tenant.Peek() >= TimeSpan.FromSeconds(1)) _tenant.Dequeue();
            TimeSpan? wait = _tenant.Count >= TenantPerSecond ? _tenant.Peek() + TimeSpan.FromSeconds(1) - now : null;
            List<TimeSpan>? log = null;
            if (conversation is not null)
            {
                if (!_conversations.TryGetValue(conversation, out log)) _conversations[conversation] = log = [];
                foreach (var (permits, window) in ConversationLimits)
                {
                    var inWindow = log.Count(t => now - t < window);
                    if (inWindow >= permits)
                    {
                        var oldest = log.Where(t => now - t < window).Order().ElementAt(inWindow - permits);
                        var w = oldest + window - now;
                        wait = wait is { } x && x > w ? x : w;
                    }
                }
            }
            if (wait is { } blocked) return blocked;
            _tenant.Enqueue(now);
            log?.Add(now);
            _lastSecond.Enqueue(now);
            while (now - _lastSecond.Peek() >= TimeSpan.FromSeconds(1)) _lastSecond.Dequeue();
            _peak = Math.Max(_peak, _lastSecond.Count);
            return null;
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
