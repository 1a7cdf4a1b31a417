using System.Diagnostics;
using TeamsAmdl.Filing.Tests.Support;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Filing.Tests;

/// <summary>
/// The filing side of the app as a separate OS process (CrashWorker/), SIGKILLed after the document was stored in
/// blob storage and queued but before Graph had the file — and once right after Graph stored it but before the
/// worker heard back. Restarted, it files the document exactly once: one file, one version.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int LeaseSeconds = 3;
    private const int DocumentSize = 3_000_000;

    private FilingHarness _h = null!;

    public async Task InitializeAsync() => _h = await FilingHarness.StartAsync(o => o.LeaseDuration = TimeSpan.FromSeconds(LeaseSeconds));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Killed_before_Graph_stored_the_upload_and_restarted_files_it_once()
    {
        var total = Stopwatch.StartNew();
        var uploadArrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Graph.BeforeCommit = async (path, aborted) =>
        {
            uploadArrived.TrySetResult(path);
            await Task.Delay(Timeout.Infinite, aborted); // never stored: the worker dies with the request open
        };

        string jobId;
        using (var first = StartWorker("Mängelschreiben Absturz vor Upload", seed: 11))
        {
            var path = await uploadArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            jobId = first.JobId!;
            output.WriteLine($"killed while Graph held the upload of {path}");
        }
        _h.Graph.BeforeCommit = null;

        // Between crash and restart: the document is in blob storage, the job Pending with its lease, Graph has no file.
        var stranded = (await _h.Outbox.GetAsync(jobId))!;
        Assert.Equal(FilingStatus.Pending, stranded.Status);
        Assert.Equal(1, stranded.Attempts);
        Assert.NotNull(await _h.Outbox.LoadContentAsync(stranded.ContentHash, CancellationToken.None));
        Assert.Null(_h.Graph.File(stranded.Path));

        var job = await RestartAndWaitAsync(jobId, "Mängelschreiben Absturz vor Upload", seed: 11);
        var file = _h.Graph.File(job.Path)!;
        Assert.Equal(Document(11), Assert.Single(file.Versions));
        Assert.Equal(2, job.Attempts);
        Assert.Equal("put", job.UploadMethod);
        Assert.Equal("Mängelschreiben", file.Fields["Dokumentart"]);
        Assert.Single(await _h.Outbox.ListAsync());
        output.WriteLine($"filed once after restart: {job.Path}, attempts {job.Attempts}, took {total.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Killed_after_Graph_stored_the_upload_but_before_the_worker_heard_back_is_not_uploaded_again()
    {
        var total = Stopwatch.StartNew();
        var stored = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Graph.AfterCommit = async (path, aborted) =>
        {
            stored.TrySetResult(path);
            await Task.Delay(Timeout.Infinite, aborted); // stored, but the answer never reaches the worker
        };

        string jobId;
        using (var first = StartWorker("Mängelschreiben Absturz nach Upload", seed: 12))
        {
            await stored.Task.WaitAsync(TimeSpan.FromSeconds(30));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            jobId = first.JobId!;
        }
        _h.Graph.AfterCommit = null;
        var stranded = (await _h.Outbox.GetAsync(jobId))!;
        Assert.Equal(FilingStatus.Pending, stranded.Status);
        Assert.Null(stranded.ItemId); // the worker never learned that the upload succeeded
        Assert.Single(_h.Graph.File(stranded.Path)!.Versions);

        var job = await RestartAndWaitAsync(jobId, "Mängelschreiben Absturz nach Upload", seed: 12);
        var file = _h.Graph.File(job.Path)!;
        Assert.Equal(Document(12), Assert.Single(file.Versions)); // no second version
        Assert.Single(_h.Graph.Matching("PUT", "/content"));
        Assert.Equal("vorhanden", job.UploadMethod);
        Assert.Equal("Schriftverkehr Mängel", file.Fields["Kategorie"]);
        output.WriteLine($"recognised the earlier upload by its QuickXorHash; took {total.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<FilingJob> RestartAndWaitAsync(string jobId, string title, int seed)
    {
        using var second = StartWorker(title, seed);
        try
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var job = (await _h.Outbox.GetAsync(jobId))!;
                if (job.Status != FilingStatus.Pending)
                {
                    Assert.Equal(FilingStatus.Filed, job.Status);
                    Assert.False(second.Created); // the restarted enqueue found the job: not queued twice
                    output.WriteLine($"filed {watch.Elapsed.TotalSeconds:F1} s after the restart (lease {LeaseSeconds} s)");
                    return job;
                }
                if (second.Process.HasExited) throw new InvalidOperationException($"worker exited with {second.Process.ExitCode}");
                if (watch.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("not filed after restart: " + job);
                await Task.Delay(100);
            }
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private static byte[] Document(int seed)
    {
        var bytes = new byte[DocumentSize];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private WorkerProcess StartWorker(string title, int seed)
    {
        var worker = new WorkerProcess();
        worker.Process = DotnetChildProcess.Start("TeamsAmdl.FilingCrashWorker.dll", new Dictionary<string, string>
        {
            ["FILING_STORAGE"] = Azurite.ConnectionString,
            ["FILING_TABLE"] = _h.TableName,
            ["FILING_QUEUE"] = _h.QueueName,
            ["FILING_CONTAINER"] = _h.ContainerName,
            ["FILING_GRAPH_URL"] = _h.Graph.BaseUrl,
            ["FILING_SITE_ID"] = FakeGraphServer.SiteId,
            ["FILING_DRIVE_ID"] = FakeGraphServer.DriveId,
            ["FILING_TOKEN"] = FakeGraphServer.Token,
            ["FILING_LEASE_SECONDS"] = LeaseSeconds.ToString(),
            ["FILING_DOC_SIZE"] = DocumentSize.ToString(),
            ["FILING_DOC_SEED"] = seed.ToString(),
            ["FILING_DOC_TITLE"] = title,
        }, line =>
        {
            Log("worker: " + line);
            worker.Read(line);
        });
        return worker;
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; late output of a dying worker is dropped.
        }
    }

    /// <summary>The worker and what it reported: "enqueued {jobId} {created}".</summary>
    private sealed class WorkerProcess : IDisposable
    {
        public void Read(string line)
        {
            if (!line.StartsWith("enqueued ", StringComparison.Ordinal)) return;
            var parts = line.Split(' ');
            JobId = parts[1];
            Created = bool.Parse(parts[2]);
        }

        public Process Process { get; set; } = null!;
        public string? JobId { get; private set; }
        public bool Created { get; private set; }

        public void Kill(bool entireProcessTree) => Process.Kill(entireProcessTree);

        public Task WaitForExitAsync() => Process.WaitForExitAsync();

        public void Dispose() => Process.Dispose();
    }
}
