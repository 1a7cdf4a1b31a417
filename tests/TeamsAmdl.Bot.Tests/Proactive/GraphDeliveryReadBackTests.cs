namespace TeamsAmdl.Bot.Tests.Proactive;

/// <summary>
/// <see cref="GraphDeliveryReadBack"/> in team channels (digest posts), with the real Graph SDK against the fake
/// Graph that shows the fake connector's channel posts: found across pages, not found, stops at the lookup's start,
/// and refuses to guess without the team's group id.
/// </summary>
public sealed class GraphDeliveryReadBackTests : IAsyncLifetime
{
    private const string Channel = "19:massnahmeinfo@thread.tacv2";

    private OutboxHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await OutboxHarness.StartAsync();
        _h.Graph.AddChannel(TeamsActivities.TeamAadGroupId, Channel);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<string> PostAsync(string key, string text)
    {
        Assert.True(DeliveryMarker.TryStamp(OutboxHarness.CardMessage(key, "-", text).Activity, DeliveryMarker.For(key), out var activity));
        return (await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, Channel, activity)).Id!;
    }

    private DeliveryLookup Lookup(string key, DateTimeOffset since) =>
        new(OutboxHarness.Tenant, null, _h.Connector.ServiceUrl, Channel, DeliveryMarker.For(key), since) { TeamAadGroupId = TeamsActivities.TeamAadGroupId };

    private int ChannelRequests => _h.Graph.Requests.Count(r => r.PathAndQuery.StartsWith("/v1.0/teams/", StringComparison.Ordinal));

    [Fact]
    public async Task A_channel_post_is_found_by_its_marker_across_pages_and_an_absent_one_is_not()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);
        var id = await PostAsync("digest:p1:channel:c:01", "Maßnahmeinfo Teil 1");
        for (var i = 0; i < 60; i++)
            await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, Channel, new Activity { Type = ActivityTypes.Message, Text = $"Beitrag {i}" });
        var readBack = _h.CreateReadBack();

        Assert.Equal(id, await readBack.FindAsync(Lookup("digest:p1:channel:c:01", since), CancellationToken.None));
        Assert.Equal(2, ChannelRequests); // newest first: the older post is on the second page
        Assert.Null(await readBack.FindAsync(Lookup("digest:p1:channel:c:02", since), CancellationToken.None));
        Assert.All(_h.Graph.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task The_search_stops_at_the_first_page_older_than_the_lookup()
    {
        await PostAsync("digest:alt:channel:c:01", "Alte Maßnahmeinfo");
        for (var i = 0; i < 60; i++)
            await _h.Client.SendToConversationAsync(_h.Connector.ServiceUrl, Channel, new Activity { Type = ActivityTypes.Message, Text = $"Beitrag {i}" });

        // Everything is older than the first possible attempt: one page is enough to know.
        var found = await _h.CreateReadBack().FindAsync(Lookup("digest:neu:channel:c:01", DateTimeOffset.UtcNow.AddMinutes(1)), CancellationToken.None);

        Assert.Null(found);
        Assert.Equal(1, ChannelRequests);
    }

    [Fact]
    public async Task Without_the_team_group_id_it_cannot_tell_and_says_so()
    {
        var lookup = Lookup("digest:p1:channel:c:01", DateTimeOffset.UtcNow.AddMinutes(-5)) with { TeamAadGroupId = null };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _h.CreateReadBack().FindAsync(lookup, CancellationToken.None));
        Assert.Contains("Gruppen-ID", error.Message);
        Assert.Empty(_h.Graph.Requests);
    }
}
