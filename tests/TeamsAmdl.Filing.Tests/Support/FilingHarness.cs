using System.Diagnostics;
using Azure.Core;
using TeamsAmdl.Filing.Graph;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using TeamsAmdl.Storage;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Filing.Tests.Support;

/// <summary>
/// The outbox on Azurite (own table, queue and container per test) and a worker filing through the real Graph
/// SDK into <see cref="FakeGraphServer"/>.
/// </summary>
public sealed class FilingHarness : IAsyncDisposable
{
    private FilingHarness(FakeGraphServer graph, FilingOptions options, string table, string queue, string container)
    {
        Graph = graph;
        Options = options;
        TableName = table;
        QueueName = queue;
        ContainerName = container;
        Credential = new StaticTokenCredential(FakeGraphServer.Token);
        Outbox = CreateOutbox(options, table, queue, container);
        Library = new GraphDocumentLibrary(FilingGraph.CreateClient(options, Credential), options);
        Worker = new FilingWorker(Outbox, Library, options);
    }

    public FakeGraphServer Graph { get; }
    public FilingOptions Options { get; }
    public string TableName { get; }
    public string QueueName { get; }
    public string ContainerName { get; }
    public StaticTokenCredential Credential { get; }
    public FilingOutbox Outbox { get; }
    public GraphDocumentLibrary Library { get; }
    public FilingWorker Worker { get; }

    public static async Task<FilingHarness> StartAsync(Action<FilingOptions>? configure = null)
    {
        var graph = await FakeGraphServer.StartAsync();
        var h = new FilingHarness(graph, graph.Options(configure), "filing" + Azurite.UniqueName("j")[..20], Azurite.UniqueName("fq"), Azurite.UniqueName("fd"));
        await h.Outbox.CreateIfNotExistsAsync();
        return h;
    }

    public static FilingOutbox CreateOutbox(FilingOptions options, string table, string queue, string container) => new(
        new TableClient(Azurite.ConnectionString, table),
        new QueueClient(Azurite.ConnectionString, queue),
        new BlobContainerClient(Azurite.ConnectionString, container),
        options);

    /// <summary>Runs the worker until the job is Filed or Parked.</summary>
    public async Task<FilingJob> RunUntilFinalAsync(string jobId, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var job = await Outbox.GetAsync(jobId) ?? throw new InvalidOperationException("job missing");
            if (job.Status != FilingStatus.Pending) return job;
            if (watch.Elapsed > limit) throw new TimeoutException($"Job still Pending after {limit}: {job}");
            if (await Worker.RunOnceAsync(CancellationToken.None) == 0)
                await Task.Delay(50);
        }
    }

    /// <summary>
    /// Plays the Functions host's [QueueTrigger] for one message: receives it (null if none is visible), hands it to
    /// <see cref="FilingWorker.HandleAsync(string, long, CancellationToken)"/>, deletes it when that returns, and makes
    /// it visible again at once when it throws (host.json visibilityTimeout 0), rethrowing.
    /// </summary>
    public async Task<(Azure.Storage.Queues.Models.QueueMessage Message, QueueDisposition Disposition)?> TriggerAsync()
    {
        var message = (await Outbox.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        if (message is null) return null;
        QueueDisposition disposition;
        try
        {
            disposition = await Worker.HandleAsync(message.MessageText, message.DequeueCount);
        }
        catch
        {
            await Outbox.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            throw;
        }
        await Outbox.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return (message, disposition);
    }

    /// <summary>Triggers until the job is Filed or Parked; the dispositions in order.</summary>
    public async Task<(FilingJob Job, List<QueueDisposition> Dispositions)> TriggerUntilFinalAsync(string jobId, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        var dispositions = new List<QueueDisposition>();
        while (true)
        {
            var job = await Outbox.GetAsync(jobId) ?? throw new InvalidOperationException("job missing");
            if (job.Status != FilingStatus.Pending) return (job, dispositions);
            if (watch.Elapsed > limit) throw new TimeoutException($"Job still Pending after {limit}: {job}");
            if (await TriggerAsync() is { } handled)
                dispositions.Add(handled.Disposition);
            else
                await Task.Delay(50);
        }
    }

    public async Task<FilingJob> FileAsync(FilingDocument document)
    {
        var receipt = await Outbox.EnqueueAsync(document);
        return await RunUntilFinalAsync(receipt.JobId);
    }

    public async Task<int> VisibleQueueMessagesAsync() => (await Outbox.Queue.PeekMessagesAsync(32)).Value.Length;

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        try
        {
            await Outbox.Table.DeleteAsync();
            await Outbox.Queue.DeleteIfExistsAsync();
            await Outbox.Documents.DeleteIfExistsAsync();
        }
        catch (Azure.RequestFailedException)
        {
        }
    }

    public static FilingTarget Target(string title = "Prüfbericht Vor-Ort-Besuch", string traeger = "Bildungswerk Nord gGmbH",
        string measure = "962-U-2026-0301", FilingCategory category = FilingCategory.VorOrtBesuchePruefberichte, string ext = "pdf") =>
        new(traeger, measure, category, "Prüfbericht", new DateOnly(2026, 11, 21), title, ext);

    public static BinaryData RandomBytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return BinaryData.FromBytes(bytes);
    }
}

/// <summary>An app-only token as the fake Graph expects it; counts how often a token was asked for.</summary>
public sealed class StaticTokenCredential(string token) : TokenCredential
{
    private int _requests;
    public int Requests => _requests;
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (Scopes) Scopes.AddRange(requestContext.Scopes);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
