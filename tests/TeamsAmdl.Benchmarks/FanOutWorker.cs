using System.Diagnostics;
using System.Net.Security;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Benchmarks;

/// <summary>
/// An extra instance of the app's outbox worker for <c>fanout --workers n</c>, as a process of its own (as a scaled-out
/// Functions app would run it): the same outbox, conversation references and shared tenant budget on Azurite as the
/// app, the real connector client against the fake Teams connector, polling as the app's worker does. Configured
/// through environment variables by <see cref="Start"/>; prints "ready", runs until stdin closes, then prints its
/// limiter's counts as one "stats" line.
/// </summary>
public static class FanOutWorker
{
    public const string Command = "fanout-worker";

    public static Process Start(string storage, string tablePrefix, string tenant, string botId, FakeTeamsConnector connector, Action<string> onLine)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "exec", typeof(FanOutWorker).Assembly.Location, Command }) start.ArgumentList.Add(a);
        start.Environment["FANOUT_STORAGE"] = storage;
        start.Environment["FANOUT_PREFIX"] = tablePrefix;
        start.Environment["FANOUT_TENANT"] = tenant;
        start.Environment["FANOUT_BOT_ID"] = botId;
        start.Environment["FANOUT_SERVICE_URL"] = connector.ServiceUrl;
        start.Environment["FANOUT_THUMBPRINT"] = connector.Thumbprint;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The fan-out worker did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<int> RunAsync()
    {
        static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name + " is not set.");
        var storage = Env("FANOUT_STORAGE");
        var prefix = Env("FANOUT_PREFIX");
        var thumbprint = Env("FANOUT_THUMBPRINT");
        var transport = new HttpClientTransport(new HttpClientHandler
        {
            MaxConnectionsPerServer = 64,
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || string.Equals(certificate?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
        });
        var options = new ConnectorRateLimitOptions(); // the app's defaults, shared
        var limiter = new ConnectorRateLimiter(options,
            shared: new SharedTenantBudget(new TableClient(storage, prefix + SharedTenantBudget.DefaultTable), Env("FANOUT_TENANT"), options));
        var connector = new RateLimitedConnectorClient(new ConnectorClient(new AlertFanOut.StaticToken(), new ConnectorClientOptions { Transport = transport }), limiter);
        var outbox = new Outbox(new TableClient(storage, prefix + ProactiveSetup.OutboxTable),
            new QueueClient(storage, (prefix + ProactiveSetup.OutboxQueue).ToLowerInvariant()), connector);
        var references = new ConversationReferenceStore(new TableClient(storage, prefix + ProactiveSetup.ReferencesTable));
        var worker = new OutboxWorker(outbox, references, connector, new OutboxWorkerOptions
        {
            BotId = Env("FANOUT_BOT_ID"), ServiceUrl = Env("FANOUT_SERVICE_URL"),
            PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(200),
        }, NullLogger<OutboxWorker>.Instance);

        using var stop = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            Console.In.ReadToEnd();
            stop.Cancel();
        });
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        try
        {
            await worker.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        var shared = limiter.Shared!;
        Console.Out.WriteLine($"stats {limiter.Acquired} {limiter.Waits} {shared.Claims} {shared.Conflicts} {shared.Expired}");
        Console.Out.Flush();
        return 0;
    }
}
