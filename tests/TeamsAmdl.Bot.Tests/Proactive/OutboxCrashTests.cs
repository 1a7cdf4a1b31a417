using System.Diagnostics;
using System.Text.RegularExpressions;
using TeamsAmdl.Bot.Tests.Support;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// The worker in its own OS process (tests/TeamsAmdl.OutboxCrashWorker) against Azurite, the fake connector and the
/// fake Graph: killed mid-batch with SIGKILL twice, restarted, and every recipient must have the message exactly
/// once. Attempts the kills left in doubt are settled by reading the chat back through Graph.
/// </summary>
public sealed partial class OutboxCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 200;
    private static readonly int[] KillAfterDeliveries = [60, 120];
    private const int WorkerConcurrency = 4;

    private OutboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await OutboxHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Killing_the_worker_process_mid_batch_and_restarting_it_delivers_every_recipient_exactly_once()
    {
        var total = Stopwatch.StartNew();
        // Half the recipients have a personal chat, the other half get one created by the worker.
        for (var i = 0; i < Recipients; i += 2)
            await _h.InstallForAsync(Aad(i), $"a:chat-{i:000}");
        var batch = Enumerable.Range(0, Recipients)
            .Select(i => OutboxHarness.CardMessage($"digest:2025-w14:{Aad(i)}", Aad(i), $"Wochenübersicht für Empfänger {i:000}"))
            .ToList();
        Assert.Equal(Recipients, (await _h.Outbox.EnqueueAsync(batch)).Enqueued.Count);

        var inFlightAtKills = new List<int>();
        foreach (var killAfter in KillAfterDeliveries)
        {
            using var worker = StartWorker();
            await WaitUntilAsync(() => _h.Connector.DeliveredActivities.Count >= killAfter, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(1), worker);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            Assert.InRange(_h.Connector.DeliveredActivities.Count, killAfter, Recipients - 1); // really mid-batch
            inFlightAtKills.Add((await _h.Outbox.ListAsync(OutboxStatus.Sending)).Count);
        }

        using (var last = StartWorker())
        {
            try
            {
                await WaitUntilAsync(async () => (await _h.Outbox.ListAsync(OutboxStatus.Sent)).Count == Recipients, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(200), last);
            }
            finally
            {
                last.Kill(entireProcessTree: true);
                await last.WaitForExitAsync();
            }
        }

        var entries = (await _h.Outbox.ListAsync()).ToDictionary(e => e.RecipientAadObjectId);
        Assert.Equal(Recipients, entries.Count);
        var deliveries = _h.DeliveredTexts()
            .Select(text => RecipientNumber().Match(text!))
            .GroupBy(m => Aad(int.Parse(m.Groups[1].Value)))
            .ToDictionary(g => g.Key, g => g.Count());
        var readBacks = entries.Values.Where(e => e.InDoubtReadBacks > 0).ToList();
        output.WriteLine($"rows Sending at the kills: {string.Join(" + ", inFlightAtKills)}, settled by read-back: {readBacks.Count} " +
                         $"(found in the chat: {readBacks.Count(e => e.FoundByReadBack)}, sent after the read-back: {readBacks.Count(e => !e.FoundByReadBack)}), " +
                         $"total deliveries: {deliveries.Values.Sum()}, Graph requests: {_h.Graph.Requests.Count}, " +
                         $"conversations created: {_h.Connector.Requests.Count(r => r.Path == "/emea/v3/conversations")}, took {total.Elapsed.TotalSeconds:F1} s");

        // Every recipient got the message exactly once ...
        Assert.Equal(entries.Keys.Order(), deliveries.Keys.Order());
        Assert.All(deliveries, d => Assert.Equal(1, d.Value));
        Assert.Equal(Recipients, _h.Connector.DeliveredActivities.Count);
        // ... every row is Sent with the id of the one delivered message, and nothing was resent blind.
        var deliveredIds = _h.Connector.Chats.Values.SelectMany(c => c.Values).Select(m => m.Id).ToHashSet();
        Assert.All(entries.Values, e =>
        {
            Assert.Equal(OutboxStatus.Sent, e.Status);
            Assert.Contains(e.ActivityId!, deliveredIds);
            Assert.Equal(0, e.InDoubtResends);
        });
        Assert.Equal(Recipients, entries.Values.Select(e => e.ActivityId).Distinct().Count());
    }

    private static string Aad(int i) => $"00000000-0000-0000-0000-{i:000000000000}";

    [GeneratedRegex(@"Empfänger (\d{3})$")]
    private static partial Regex RecipientNumber();

    private Process StartWorker() =>
        DotnetChildProcess.Start("TeamsAmdl.OutboxCrashWorker.dll", new Dictionary<string, string>
        {
            ["OUTBOX_STORAGE"] = Azurite.ConnectionString,
            ["OUTBOX_TABLE"] = _h.StatusTableName,
            ["OUTBOX_QUEUE"] = _h.QueueName,
            ["OUTBOX_REFERENCES"] = _h.ReferencesTableName,
            ["OUTBOX_SERVICE_URL"] = _h.Connector.ServiceUrl,
            ["OUTBOX_BOT_ID"] = OutboxHarness.BotId,
            ["OUTBOX_TRUST_THUMBPRINT"] = TestCertificate.Server.Thumbprint,
            ["OUTBOX_VISIBILITY_SECONDS"] = "2",
            ["OUTBOX_CONCURRENCY"] = WorkerConcurrency.ToString(),
            ["OUTBOX_GRAPH_URL"] = _h.Graph.BaseUrl,
            ["OUTBOX_GRAPH_TOKEN"] = FakeTeamsGraph.Token,
            ["OUTBOX_TEAMS_APP_ID"] = FakeTeamsGraph.TeamsAppId,
        }, line => Log("worker: " + line));

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
