using System.Net.Security;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using TeamsAmdl.Bot;
using TeamsAmdl.CrashWorkers;
using Azure.Data.Tables;
using Azure.Storage.Queues;

// An OutboxWorker in a process of its own, for the crash test: started, killed mid-batch and restarted by
// TeamsAmdl.Bot.Tests. Configured through environment variables; prints "ready" once it polls, runs until killed
// (or until stdin closes).

static string Env(string name) => CrashWorkerHost.Env(name);

var storage = Env("OUTBOX_STORAGE");
var thumbprint = Env("OUTBOX_TRUST_THUMBPRINT");
var connectorOptions = new ConnectorClientOptions
{
    Transport = new HttpClientTransport(new HttpClientHandler
    {
        // The fake connector's self-signed certificate, and nothing else.
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || string.Equals(certificate?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
    }),
};
connectorOptions.Retry.Delay = TimeSpan.FromMilliseconds(10);
connectorOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
var connector = new ConnectorClient(new StaticToken("crash-worker-token"), connectorOptions);

var outbox = new Outbox(new TableClient(storage, Env("OUTBOX_TABLE")), new QueueClient(storage, Env("OUTBOX_QUEUE")), connector);
var references = new ConversationReferenceStore(new TableClient(storage, Env("OUTBOX_REFERENCES")));
// With OUTBOX_GRAPH_URL: in-doubt messages are read back from the chat through the Graph SDK (the fake Graph).
IDeliveryReadBack? readBack = null;
if (Environment.GetEnvironmentVariable("OUTBOX_GRAPH_URL") is { Length: > 0 } graphUrl)
{
    readBack = GraphDeliveryReadBack.Create(new StaticToken(Env("OUTBOX_GRAPH_TOKEN")), Env("OUTBOX_TEAMS_APP_ID"), Env("OUTBOX_BOT_ID")[3..], graphUrl);
}
var worker = new OutboxWorker(outbox, references, connector, new OutboxWorkerOptions
{
    BotId = Env("OUTBOX_BOT_ID"),
    ServiceUrl = Env("OUTBOX_SERVICE_URL"),
    VisibilityTimeout = TimeSpan.FromSeconds(int.Parse(Env("OUTBOX_VISIBILITY_SECONDS"))),
    MaxConcurrency = int.Parse(Env("OUTBOX_CONCURRENCY")),
    PollInterval = TimeSpan.FromMilliseconds(50),
    MaxPollInterval = TimeSpan.FromMilliseconds(200),
    RetryDelay = TimeSpan.Zero,
}, new StderrLogger<OutboxWorker>(LogLevel.Warning), readBack: readBack);

await CrashWorkerHost.RunUntilStdinClosesAsync(worker.RunAsync);
