using System.Collections.Concurrent;
using System.Diagnostics;
using Activity = TeamsAmdl.Bot.Activity;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.DevInbox;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// The client-side Teams limits in front of the connector: no window ever holds more calls than the limit, calls
/// that would wait too long fail with a Retry-After for the outbox, and the app's connector is wrapped.
/// </summary>
public sealed class ConnectorRateLimiterTests
{
    /// <summary>Records when each call arrived (monotonic clock) and to which conversation.</summary>
    private sealed class RecordingConnector : ConnectorClient
    {
        public ConcurrentQueue<(TimeSpan At, string? Conversation)> Calls { get; } = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public override Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
            CancellationToken cancellationToken = default)
        {
            Calls.Enqueue((_clock.Elapsed, conversationId));
            return Task.FromResult(new ResourceResponse { Id = "x" });
        }

        public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
            CancellationToken cancellationToken = default)
        {
            Calls.Enqueue((_clock.Elapsed, null));
            return Task.FromResult(new ConversationResourceResponse { Id = "c" });
        }
    }

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
    public async Task The_tenant_limit_holds_in_every_window_for_sends_and_conversation_creation()
    {
        var inner = new RecordingConnector();
        // A wide margin: the test checks when calls arrive, and a busy test machine wakes waiting calls late.
        var client = new RateLimitedConnectorClient(inner, new ConnectorRateLimiter(new ConnectorRateLimitOptions { PerTenantPerSecond = 20, SafetyMargin = 0.2 }));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => i % 5 == 0
            ? client.CreateConversationAsync("https://x/", new ConversationParameters())
            : (Task)client.SendToConversationAsync("https://x/", $"conv-{i}", new Activity())));
        Assert.Equal(50, inner.Calls.Count);
        Assert.True(MaxInWindow(inner.Calls.Select(c => c.At), TimeSpan.FromSeconds(1)) <= 20);
        Assert.True(client.Limiter.Waits > 0);
    }

    [Fact]
    public async Task One_conversation_gets_at_most_7_per_second_and_8_per_two_seconds()
    {
        var inner = new RecordingConnector();
        var client = new RateLimitedConnectorClient(inner, new ConnectorRateLimiter(new ConnectorRateLimitOptions { SafetyMargin = 0.2 }));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendToConversationAsync("https://x/", "a:one", new Activity())));
        var stamps = inner.Calls.Select(c => c.At).ToList();
        Assert.Equal(10, stamps.Count);
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(2)) <= 8);
    }

    [Fact]
    public async Task Smoothing_spreads_the_tenants_calls_evenly_instead_of_in_bursts()
    {
        var inner = new RecordingConnector();
        var client = new RateLimitedConnectorClient(inner, new ConnectorRateLimiter(new ConnectorRateLimitOptions { PerTenantPerSecond = 40 }));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendToConversationAsync("https://x/", $"c-{i}", new Activity())));
        var stamps = inner.Calls.Select(c => c.At).Order().ToList();
        // 40/s stretched by 5 %: a slot every 26 ms, so 20 calls span about half a second instead of arriving at once.
        Assert.True(stamps[^1] - stamps[0] >= TimeSpan.FromMilliseconds(450), $"spread {stamps[^1] - stamps[0]}");
    }

    [Fact]
    public async Task A_call_that_would_wait_longer_than_allowed_fails_with_retry_after_instead_of_waiting()
    {
        var inner = new RecordingConnector();
        var client = new RateLimitedConnectorClient(inner, new ConnectorRateLimiter(new ConnectorRateLimitOptions
        {
            PerConversationPerHour = 2, MaxWait = TimeSpan.FromSeconds(1),
        }));
        await client.SendToConversationAsync("https://x/", "a:busy", new Activity());
        await client.SendToConversationAsync("https://x/", "a:busy", new Activity());
        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("https://x/", "a:busy", new Activity()));
        Assert.Equal(429, e.Status);
        Assert.Equal(ConnectorRateLimiter.ErrorCode, e.ErrorCode);
        Assert.False(e.IsPermanent);
        Assert.True(e.RetryAfter > TimeSpan.FromMinutes(59));
        Assert.Equal(2, inner.Calls.Count);
        await client.SendToConversationAsync("https://x/", "a:other", new Activity()); // other conversations are not held up
    }

    [Fact]
    public void The_app_sends_through_the_limiter()
    {
        using var app = new AppFactory();
        var connector = app.Services.GetRequiredService<ConnectorClient>();
        var limited = Assert.IsType<RateLimitedConnectorClient>(connector);
        Assert.IsType<DevConnector>(limited.Inner);
        Assert.Equal(50, limited.Limiter.Options.PerTenantPerSecond);
    }
}
