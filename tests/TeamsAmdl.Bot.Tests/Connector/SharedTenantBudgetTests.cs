using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using TeamsAmdl.Bot;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Bot.Tests.Connector;

/// <summary>
/// The per-tenant limit shared through a Table row (Azurite): several limiters, as several instances of the app
/// would have, together never let more than the limit through in any second, and use it nearly in full.
/// </summary>
public sealed class SharedTenantBudgetTests
{
    private const string Tenant = "tenant-shared-test";

    /// <summary>Records when each call arrived (one monotonic clock for all "processes") and from which.</summary>
    private sealed class RecordingConnector(Stopwatch clock, ConcurrentQueue<(TimeSpan At, int Process, string? Conversation)> calls, int process)
        : ConnectorClient
    {
        public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
            CancellationToken cancellationToken = default)
        {
            calls.Enqueue((clock.Elapsed, process, conversationId));
            return Task.FromResult(new ResourceResponse { Id = "x" });
        }
    }

    private static TableClient NewTable() => new(Azurite.ConnectionString, Azurite.UniqueName("budget"));

    private static int MaxInWindow(IEnumerable<TimeSpan> stamps, TimeSpan window)
    {
        var s = stamps.Order().ToList();
        var max = 0;
        for (int i = 0, j = 0; i < s.Count; i++)
        {
            while (s[i] - s[j] >= window) j++;
            max = Math.Max(max, i - j + 1);
        }
        return max;
    }

    [Fact]
    public async Task Three_processes_on_one_tenant_never_exceed_50_in_any_second_and_share_the_limit()
    {
        var table = NewTable();
        var clock = Stopwatch.StartNew();
        var calls = new ConcurrentQueue<(TimeSpan At, int Process, string? Conversation)>();
        var options = new ConnectorRateLimitOptions(); // the Teams defaults: 50/s per tenant, 5 % margin
        var clients = Enumerable.Range(0, 3).Select(p => new RateLimitedConnectorClient(new RecordingConnector(clock, calls, p),
            new ConnectorRateLimiter(options, shared: new SharedTenantBudget(table, Tenant, options)))).ToList();
        var until = TimeSpan.FromSeconds(4);
        var id = 0;
        // 12 callers per process (more than the limit lets through): each sends to a conversation of its own every time.
        await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, 12).Select(async _ =>
        {
            while (clock.Elapsed < until)
                await client.SendToConversationAsync("https://x/", $"a:{Interlocked.Increment(ref id)}", new Activity());
        })));

        var stamps = calls.Select(c => c.At).Order().ToList();
        // Steady state: seconds 1 to 3 (not the start, while the table is created, nor the end, when the callers stop).
        var rate = stamps.Count(t => t >= TimeSpan.FromSeconds(1) && t < TimeSpan.FromSeconds(3)) / 2.0;
        var budgets = clients.Select(c => c.Limiter.Shared!).ToList();
        var detail = $"{stamps.Count} calls, {rate:F1}/s, claims {budgets.Sum(b => b.Claims)}, 412s {budgets.Sum(b => b.Conflicts)}, " +
                     $"dropped {budgets.Sum(b => b.Expired)}, per process {string.Join("/", calls.GroupBy(c => c.Process).Select(g => g.Count()))}, " +
                     $"per 250 ms {string.Join(" ", stamps.GroupBy(t => (int)(t.TotalMilliseconds / 250)).Select(g => $"{g.Key}:{g.Count()}"))}";
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(1)) <= 50, $"max {MaxInWindow(stamps, TimeSpan.FromSeconds(1))} in one second; {detail}");
        // Three together get no more than one would. How much of the limit they use is a throughput figure, measured
        // by the fanout benchmark, not here: a busy test machine wakes callers late and leaves gaps.
        Assert.True(rate <= 50, detail);
        Assert.All(Enumerable.Range(0, 3), p => Assert.True(calls.Count(c => c.Process == p) > stamps.Count / 10, detail));
    }

    [Fact]
    public async Task A_call_that_cannot_get_a_shared_permit_within_MaxWait_fails_with_retry_after_and_claims_nothing()
    {
        var table = NewTable();
        await table.CreateIfNotExistsAsync();
        // Another instance has claimed the next 5 s already.
        var next = DateTimeOffset.UtcNow.AddSeconds(5).UtcTicks;
        await table.AddEntityAsync(new TableEntity(Tenant, "tenant") { ["Next"] = next });
        var options = new ConnectorRateLimitOptions { MaxWait = TimeSpan.FromSeconds(1) };
        var calls = new ConcurrentQueue<(TimeSpan, int, string?)>();
        var client = new RateLimitedConnectorClient(new RecordingConnector(Stopwatch.StartNew(), calls, 0),
            new ConnectorRateLimiter(options, shared: new SharedTenantBudget(table, Tenant, options)));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("https://x/", "a:one", new Activity()));

        Assert.Equal(429, e.Status);
        Assert.Equal(ConnectorRateLimiter.ErrorCode, e.ErrorCode);
        Assert.False(e.IsPermanent);
        // Longer than MaxWait (that is why it refused) and no later than the claimed time; how much of the 5 s is left
        // depends on how long this busy machine took to get here.
        Assert.InRange(e.RetryAfter!.Value, options.MaxWait, TimeSpan.FromSeconds(5.1));
        Assert.Empty(calls);
        Assert.Equal(next, (await table.GetEntityAsync<TableEntity>(Tenant, "tenant")).Value.GetInt64("Next"));
    }

    [Fact]
    public async Task The_conversation_limits_still_hold_with_the_shared_budget()
    {
        var table = NewTable();
        var options = new ConnectorRateLimitOptions { SafetyMargin = 0.2 };
        var calls = new ConcurrentQueue<(TimeSpan At, int, string?)>();
        var client = new RateLimitedConnectorClient(new RecordingConnector(Stopwatch.StartNew(), calls, 0),
            new ConnectorRateLimiter(options, shared: new SharedTenantBudget(table, Tenant, options)));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendToConversationAsync("https://x/", "a:one", new Activity())));

        var stamps = calls.Select(c => c.At).ToList();
        Assert.Equal(10, stamps.Count);
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(2)) <= 8);
    }
}
