using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Azure.Core;
using Azure.Core.Pipeline;
using TeamsAmdl.Bot.Tests.Support;
using Azure.Data.Tables;
using Azure.Storage.Queues;
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

    private OutboxHarness(FakeConnector connector, FakeTeamsGraph graph)
    {
        Connector = connector;
        Graph = graph;
        var storage = Azurite.ConnectionString;
        StatusTable = new TableClient(storage, StatusTableName);
        QueueClient = new QueueClient(storage, QueueName);
        ReferencesTable = new TableClient(storage, ReferencesTableName);
        Client = CreateClient();
        Outbox = new Outbox(StatusTable, QueueClient, Client);
        References = new ConversationReferenceStore(ReferencesTable);
    }

    public FakeConnector Connector { get; }

    /// <summary>Graph's view of the connector's chats, for read-back.</summary>
    public FakeTeamsGraph Graph { get; }
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
        var connector = await FakeConnector.StartAsync();
        var harness = new OutboxHarness(connector, await FakeTeamsGraph.StartAsync(connector, BotId));
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

    /// <summary>The real Graph SDK against <see cref="Graph"/>; the SDK's retry handler off unless asked for.</summary>
    public GraphDeliveryReadBack CreateReadBack(int graphRetries = 0)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = graphRetries, Delay = 1 });
        var auth = new AzureIdentityAuthenticationProvider(new FakeTokenCredential(FakeTeamsGraph.Token), allowedHosts: ["127.0.0.1"],
            scopes: ["https://graph.microsoft.com/.default"]);
        var graph = new GraphServiceClient(GraphClientFactory.Create(handlers), auth, Graph.BaseUrl);
        return new GraphDeliveryReadBack(graph, FakeTeamsGraph.TeamsAppId, BotId[3..]);
    }

    public OutboxWorker CreateWorker(Action<OutboxWorkerOptions>? configure = null, ConnectorClient? client = null, IDeliveryReadBack? readBack = null)
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
        return new OutboxWorker(Outbox, References, client ?? Client, options, readBack: readBack);
    }

    /// <summary>Records a personal installation (installationUpdate add) of the app by a user.</summary>
    public Task<IReadOnlyList<StoredConversationReference>> InstallForAsync(string aadObjectId, string conversationId)
    {
        Connector.AddPersonalChat(aadObjectId, conversationId);
        return References.RecordAsync(TeamsActivities.PersonalInstall(Connector.ServiceUrl, aadObjectId, conversationId));
    }

    public static OutboundMessage Message(string key, string aadObjectId, string text) =>
        new(key, Tenant, aadObjectId, new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>A message with an Adaptive Card whose first TextBlock is <paramref name="text"/> (what the app sends).</summary>
    public static OutboundMessage CardMessage(string key, string aadObjectId, string text) =>
        new(key, Tenant, aadObjectId, new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment
                {
                    ContentType = Attachment.AdaptiveCardContentType,
                    Content = new JsonObject
                    {
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.5",
                        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
                    },
                },
            ],
        });

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

    /// <summary>
    /// Plays the Functions host's [QueueTrigger] for one message: receives it (null if none is visible), hands it to
    /// <see cref="OutboxWorker.HandleAsync(Azure.Storage.Queues.Models.QueueMessage, CancellationToken)"/>, deletes it
    /// when that returns, and makes it visible again at once when it throws (host.json visibilityTimeout 0), rethrowing.
    /// </summary>
    public async Task<(Azure.Storage.Queues.Models.QueueMessage Message, QueueDisposition Disposition)?> TriggerAsync(OutboxWorker worker)
    {
        var message = (await QueueClient.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        if (message is null)
            return null;
        QueueDisposition disposition;
        try
        {
            disposition = await worker.HandleAsync(message.MessageText, message.DequeueCount);
        }
        catch
        {
            await QueueClient.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            throw;
        }
        await QueueClient.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return (message, disposition);
    }

    /// <summary><see cref="TriggerAsync"/> once a message is visible (waits up to <paramref name="timeout"/>).</summary>
    public async Task<(Azure.Storage.Queues.Models.QueueMessage Message, QueueDisposition Disposition)> TriggerNextAsync(OutboxWorker worker, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (await TriggerAsync(worker) is { } handled)
                return handled;
            if (stopwatch.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
                throw new TimeoutException("No queue message became visible.");
            await Task.Delay(50);
        }
    }

    /// <summary>Accepted POST …/activities, by the text of the activity (or of its card's first TextBlock).</summary>
    public IReadOnlyList<string?> DeliveredTexts() =>
        Connector.DeliveredActivities.Select(r => r.Json.TryGetProperty("text", out var text)
            ? text.GetString()
            : r.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString()).ToList();

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        await Connector.DisposeAsync();
        await StatusTable.DeleteAsync();
        await ReferencesTable.DeleteAsync();
        await QueueClient.DeleteIfExistsAsync();
    }
}

/// <summary>Inbound Teams activities as the Bot Connector delivers them.</summary>
internal static class TeamsActivities
{
    public const string TeamAadGroupId = "0f1e2d3c-0000-4000-8000-00000000a1b2";

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
            ["team"] = new { id = teamId, name = "Team Arbeitsvermittlung", aadGroupId = TeamAadGroupId },
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

/// <summary>A connector that "dies" after marking Sending but before the request reaches the Bot Connector.</summary>
internal sealed class CrashBeforeSendConnector(TokenCredential credential, ConnectorClientOptions options) : ConnectorClient(credential, options)
{
    public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken = default) =>
        throw new SimulatedCrashException();
}

internal sealed class SimulatedCrashException() : Exception("Simulated crash after the connector accepted the activity.");
