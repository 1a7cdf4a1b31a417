using Microsoft.Extensions.Logging;
using TeamsAmdl.CrashWorkers;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Graph;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

// The filing side of the app in a process of its own, for the crash test (TeamsAmdl.Filing.Tests/CrashTests): it
// queues one document (as a card action or timer of the app would: blob, job row, queue message) and runs the
// FilingWorker against the fake Graph until it is killed or stdin closes. Configured through environment variables;
// prints "enqueued {jobId} {created}" and then "ready".

namespace TeamsAmdl.FilingCrashWorker;

internal static class CrashWorkerProgram
{
    private static string Env(string name) => CrashWorkerHost.Env(name);

    public static async Task Main()
    {
        var storage = Env("FILING_STORAGE");
        var options = new FilingOptions
        {
            SiteId = Env("FILING_SITE_ID"),
            DriveId = Env("FILING_DRIVE_ID"),
            GraphBaseUrl = Env("FILING_GRAPH_URL"),
            GraphRetryDelaySeconds = 0,
            LeaseDuration = TimeSpan.FromSeconds(int.Parse(Env("FILING_LEASE_SECONDS"))),
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
            RetryDelay = TimeSpan.FromMilliseconds(200),
        };
        var outbox = new FilingOutbox(new TableClient(storage, Env("FILING_TABLE")), new QueueClient(storage, Env("FILING_QUEUE")),
            new BlobContainerClient(storage, Env("FILING_CONTAINER")), options);
        await outbox.CreateIfNotExistsAsync();

        var bytes = new byte[int.Parse(Env("FILING_DOC_SIZE"))];
        new Random(int.Parse(Env("FILING_DOC_SEED"))).NextBytes(bytes);
        var target = new FilingTarget("Bildungswerk Nord gGmbH", "962-U-2026-0301", FilingCategory.SchriftverkehrMaengel, "Mängelschreiben",
            new DateOnly(2026, 11, 21), Env("FILING_DOC_TITLE"), "pdf");
        var receipt = await outbox.EnqueueAsync(new FilingDocument(target, BinaryData.FromBytes(bytes), "application/pdf"));
        Console.Out.WriteLine($"enqueued {receipt.JobId} {receipt.Created}");

        var graph = FilingGraph.CreateClient(options, new StaticToken(Env("FILING_TOKEN")));
        var library = new GraphDocumentLibrary(graph, options);
        // As a warm app instance would have: read the library once before the worker starts. It also brings the
        // Graph SDK's pipeline up, so a cold process on a busy machine does not spend the first attempt's lease on that.
        await library.VerifyAsync(CancellationToken.None);
        var worker = new FilingWorker(outbox, library, options, new StderrLogger<FilingWorker>(LogLevel.Information));
        await CrashWorkerHost.RunUntilStdinClosesAsync(worker.RunAsync);
    }
}
