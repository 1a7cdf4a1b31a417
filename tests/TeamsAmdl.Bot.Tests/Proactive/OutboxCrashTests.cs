using System.Diagnostics;
using System.Text.RegularExpressions;
using TeamsAmdl.Bot.Tests.Support;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// The worker in its own OS process (tests/TeamsAmdl.OutboxCrashWorker) against Azurite and the fake connector:
/// killed mid-batch with SIGKILL, restarted, and every message must end Sent, delivered exactly once — except a
/// message whose killed attempt was in the in-doubt window, which the status row then flags.
/// </summary>
public sealed partial class OutboxCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 200;
    private const int KillAfterDeliveries = 60;
    private const int WorkerConcurrency = 4;

    private OutboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await OutboxHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Killing_the_worker_process_mid_batch_and_restarting_it_delivers_every_recipient_once()
    {
        var total = Stopwatch.StartNew();
        // Half the recipients have a personal chat, the other half get one created by the worker.
        for (var i = 0; i < Recipients; i += 2)
            await _h.InstallForAsync(Aad(i), $"a:chat-{i:000}");
        var batch = Enumerable.Range(0, Recipients)
            .Select(i => OutboxHarness.Message($"digest:2025-w14:{Aad(i)}", Aad(i), $"Wochenübersicht für Empfänger {i:000}"))
            .ToList();
        Assert.Equal(Recipients, (await _h.Outbox.EnqueueAsync(batch)).Enqueued.Count);

        int deliveredAtKill;
        using (var first = StartWorker())
        {
            await WaitUntilAsync(() => _h.Connector.DeliveredActivities.Count >= KillAfterDeliveries, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(1), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            deliveredAtKill = _h.Connector.DeliveredActivities.Count;
        }
        var inFlightAtKill = (await _h.Outbox.ListAsync(OutboxStatus.Sending)).Count;
        Assert.InRange(deliveredAtKill, KillAfterDeliveries, Recipients - 1); // really mid-batch

        using (var second = StartWorker())
        {
            try
            {
                await WaitUntilAsync(async () => (await _h.Outbox.ListAsync(OutboxStatus.Sent)).Count == Recipients, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200), second);
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }
        }

        var entries = (await _h.Outbox.ListAsync()).ToDictionary(e => e.RecipientAadObjectId);
        Assert.Equal(Recipients, entries.Count);
        Assert.All(entries.Values, e =>
        {
            Assert.Equal(OutboxStatus.Sent, e.Status);
            Assert.StartsWith("msg-", e.ActivityId);
        });

        var deliveries = _h.DeliveredTexts()
            .Select(text => RecipientNumber().Match(text!))
            .GroupBy(m => Aad(int.Parse(m.Groups[1].Value)))
            .ToDictionary(g => g.Key, g => g.Count());
        var inDoubt = entries.Values.Where(e => e.InDoubtResends > 0).Select(e => e.RecipientAadObjectId).ToHashSet();
        var duplicated = deliveries.Where(d => d.Value > 1).Select(d => d.Key).ToHashSet();
        output.WriteLine($"delivered before kill: {deliveredAtKill}, rows Sending at kill: {inFlightAtKill}, " +
                         $"in-doubt resends: {inDoubt.Count}, duplicates: {duplicated.Count}, total deliveries: {deliveries.Values.Sum()}, " +
                         $"conversations created: {_h.Connector.Requests.Count(r => r.Path == "/emea/v3/conversations")}, took {total.Elapsed.TotalSeconds:F1} s");

        // Every recipient got the message ...
        Assert.Equal(entries.Keys.Order(), deliveries.Keys.Order());
        // ... exactly once, unless the kill hit the in-doubt window of its attempt (accepted by the connector, Sent
        // not yet written): then it was resent (InDoubtPolicy.Resend), at most twice in all, and the row says so.
        Assert.All(deliveries, d => Assert.InRange(d.Value, 1, 2));
        Assert.Subset(inDoubt, duplicated);
        Assert.InRange(inDoubt.Count, 0, WorkerConcurrency);
        Assert.Equal(Recipients + duplicated.Count, deliveries.Values.Sum());
    }

    private static string Aad(int i) => $"00000000-0000-0000-0000-{i:000000000000}";

    [GeneratedRegex(@"Empfänger (\d{3})$")]
    private static partial Regex RecipientNumber();

    private Process StartWorker()
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(directory, "TeamsAmdl.OutboxCrashWorker.dll"));
        start.Environment["OUTBOX_STORAGE"] = Azurite.ConnectionString;
        start.Environment["OUTBOX_TABLE"] = _h.StatusTableName;
        start.Environment["OUTBOX_QUEUE"] = _h.QueueName;
        start.Environment["OUTBOX_REFERENCES"] = _h.ReferencesTableName;
        start.Environment["OUTBOX_SERVICE_URL"] = _h.Connector.ServiceUrl;
        start.Environment["OUTBOX_BOT_ID"] = OutboxHarness.BotId;
        start.Environment["OUTBOX_TRUST_THUMBPRINT"] = TestCertificate.Server.Thumbprint;
        start.Environment["OUTBOX_VISIBILITY_SECONDS"] = "2";
        start.Environment["OUTBOX_CONCURRENCY"] = WorkerConcurrency.ToString();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Worker process did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log("worker: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log("worker stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, TimeSpan interval, Process worker) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, interval, worker);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan interval, Process worker)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (worker.HasExited)
                throw new InvalidOperationException($"Worker process exited with code {worker.ExitCode}.");
            if (stopwatch.Elapsed > timeout)
                throw new TimeoutException("Condition not reached in " + timeout);
            await Task.Delay(interval);
        }
    }
}
