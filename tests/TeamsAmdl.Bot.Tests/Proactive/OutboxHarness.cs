using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using TeamsAmdl.Bot.Tests.Support;
using TeamsAmdl.Storage;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// Azurite tables and queue (unique names) plus the HTTPS fake Bot Connector, wired into an <see cref="Outbox"/>,
/// a <see cref="ConversationReferenceStore"/> and workers.
/// </summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    public const string Tenant = "tenant-jobcenter";
    public const string BotId = "28:11111111-2222-3333-4444-555555555555";

    private OutboxHarness(FakeConnector connector)
    {
        Connector = connector;
        var storage = Azurite.ConnectionString;
        StatusTable = new TableClient(storage, StatusTableName);
        QueueClient = new QueueClient(storage, QueueName);
        ReferencesTable = new TableClient(storage, ReferencesTableName);
        Client = CreateClient();
        Outbox = new Outbox(StatusTable, QueueClient, Client);
        References = new ConversationReferenceStore(ReferencesTable);
    }

    public FakeConnector Connector { get; }
    public FakeTokenCredential Credential { get; } = new();
    public string StatusTableName { get; } = Azurite.UniqueName("outbox");
    public string QueueName { get; } = Azurite.UniqueName("outbox");
    public string ReferencesTableName { get; } = Azurite.UniqueName("refs");
    public TableClient StatusTable { get; }
    public QueueClient QueueClient { get; }
    public TableClient ReferencesTable { get; }
    public ConnectorClient Client { get; }
    public Outbox Outbox { get; }
    public ConversationReferenceStore References { get; }

    public static async Task<OutboxHarness> StartAsync()
    {
        var harness = new OutboxHarness(await FakeConnector.StartAsync());
        await harness.Outbox.CreateIfNotExistsAsync();
        await harness.References.CreateIfNotExistsAsync();
        return harness;
    }

    /// <summary>A connector client trusting the fake's certificate; backoff shrunk, Retry-After never.</summary>
    public ConnectorClient CreateClient(int maxRetries = 5, TimeSpan? maxRetryAfter = null) =>
        new(Credential, ClientOptions(maxRetries, maxRetryAfter));

    public ConnectorClientOptions ClientOptions(int maxRetries = 5, TimeSpan? maxRetryAfter = null)
    {
        var options = new ConnectorClientOptions { Transport = new HttpClientTransport(TestCertificate.CreateTrustingHandler()) };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        if (maxRetryAfter is { } limit) options.MaxRetryAfter = limit;
        return options;
    }

    public OutboxWorker CreateWorker(Action<OutboxWorkerOptions>? configure = null, ConnectorClient? client = null)
    {
        var options = new OutboxWorkerOptions
        {
            BotId = BotId,
            ServiceUrl = Connector.ServiceUrl,
            VisibilityTimeout = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(100),
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new OutboxWorker(Outbox, References, client ?? Client, options);
    }

    /// <summary>Records a personal installation (installationUpdate add) of the app by a user.</summary>
    public Task<IReadOnlyList<StoredConversationReference>> InstallForAsync(string aadObjectId, string conversationId) =>
        References.RecordAsync(TeamsActivities.PersonalInstall(Connector.ServiceUrl, aadObjectId, conversationId));

    public static OutboundMessage Message(string key, string aadObjectId, string text) =>
        new(key, Tenant, aadObjectId, new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Runs the worker until every status row is final (Sent, Failed, Parked).</summary>
    public async Task DrainAsync(OutboxWorker worker, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var received = await worker.RunOnceAsync();
            var entries = await Outbox.ListAsync();
            if (entries.All(e => e.Status is OutboxStatus.Sent or OutboxStatus.Failed or OutboxStatus.Parked))
                return;
            if (stopwatch.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
                throw new TimeoutException("Outbox not drained: " + string.Join(", ", entries.Select(e => $"{e.MessageKey}={e.Status}")));
            if (received == 0)
                await Task.Delay(50);
        }
    }

    /// <summary>Accepted POST …/activities, by the text of the activity.</summary>
    public IReadOnlyList<string?> DeliveredTexts() =>
        Connector.DeliveredActivities.Select(r => r.Json.GetProperty("text").GetString()).ToList();

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await StatusTable.DeleteAsync();
        await ReferencesTable.DeleteAsync();
        await QueueClient.DeleteIfExistsAsync();
    }
}

/// <summary>Inbound Teams activities as the Bot Connector delivers them.</summary>
internal static class TeamsActivities
{
    public static Activity PersonalInstall(string serviceUrl, string aadObjectId, string conversationId, string action = "add") =>
        Personal(ActivityTypes.InstallationUpdate, serviceUrl, aadObjectId, conversationId, a => a.Action = action);

    public static Activity Personal(string type, string serviceUrl, string aadObjectId, string conversationId, Action<Activity>? configure = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = "f:" + Guid.NewGuid().ToString("N"),
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user-" + aadObjectId, AadObjectId = aadObjectId, Name = "Erika Mustermann" },
            Recipient = new ChannelAccount { Id = OutboxHarness.BotId, Name = "AMDL" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = OutboxHarness.Tenant },
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = OutboxHarness.Tenant } }),
        };
        configure?.Invoke(activity);
        return activity;
    }

    public static Activity Channel(string type, string serviceUrl, string conversationId, string teamId, object? extraChannelData = null,
        Action<Activity>? configure = null)
    {
        var channelData = new Dictionary<string, object?>
        {
            ["tenant"] = new { id = OutboxHarness.Tenant },
            ["team"] = new { id = teamId, name = "Team Arbeitsvermittlung" },
            ["channel"] = new { id = conversationId.Split(';')[0], name = "Allgemein" },
        };
        if (extraChannelData is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extraChannelData).EnumerateObject())
                channelData[property.Name] = property.Value;
        var activity = new Activity
        {
            Type = type,
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user-admin", AadObjectId = "aad-admin", Name = "Team-Admin" },
            Recipient = new ChannelAccount { Id = OutboxHarness.BotId, Name = "AMDL" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel", TenantId = OutboxHarness.Tenant, IsGroup = true },
            ChannelData = JsonSerializer.SerializeToElement(channelData),
        };
        configure?.Invoke(activity);
        return activity;
    }
}

/// <summary>
/// A connector that "dies" right after the Bot Connector accepted a send: the exception is not a
/// <see cref="ConnectorException"/>, so the worker records nothing, exactly as if the process had been killed
/// between the connector's 201 and the Sent write.
/// </summary>
internal sealed class CrashAfterAcceptConnector(TokenCredential credential, ConnectorClientOptions options) : ConnectorClient(credential, options)
{
    public override async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken = default)
    {
        await base.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
        throw new SimulatedCrashException();
    }
}

internal sealed class SimulatedCrashException() : Exception("Simulated crash after the connector accepted the activity.");
