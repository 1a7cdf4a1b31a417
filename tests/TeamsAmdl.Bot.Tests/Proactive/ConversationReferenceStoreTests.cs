using Azure.Data.Tables;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Bot.Tests.Proactive;

public sealed class ConversationReferenceStoreTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Tenant = OutboxHarness.Tenant;
    private const string TeamId = "19:team-general@thread.tacv2";

    private readonly TableClient _table = new(Azurite.ConnectionString, Azurite.UniqueName("refs"));
    private ConversationReferenceStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new ConversationReferenceStore(_table);
        await _store.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task Personal_install_stores_the_user_reference_and_uninstall_marks_it_gone_keeping_the_row()
    {
        var recorded = await _store.RecordAsync(TeamsActivities.PersonalInstall(ServiceUrl, "AAD-1", "a:personal-1"));

        var user = Assert.Single(recorded);
        Assert.Equal(user, await _store.GetUserAsync(Tenant, "AAD-1"));
        Assert.Equal(ConversationKind.User, user.Kind);
        Assert.Equal(ConversationReferenceStatus.Active, user.Status);
        Assert.Equal(ServiceUrl, user.ServiceUrl);
        Assert.Equal("a:personal-1", user.ConversationId);
        Assert.Equal(Tenant, user.TenantId);
        Assert.Equal("AAD-1", user.AadObjectId);
        Assert.Equal("29:user-AAD-1", user.UserId);
        Assert.Equal(OutboxHarness.BotId, user.BotId);
        Assert.Equal("msteams", user.ChannelId);
        Assert.True(user.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Null(user.GoneAt);
        Assert.Equal(["AAD-1"], (await _store.ListActiveUsersAsync(Tenant)).Select(u => u.Key));

        await _store.RecordAsync(TeamsActivities.PersonalInstall(ServiceUrl, "AAD-1", "a:personal-1", action: "remove"));

        var gone = await _store.GetUserAsync(Tenant, "aad-1"); // AAD object ids compare case-insensitively
        Assert.NotNull(gone);
        Assert.Equal(ConversationReferenceStatus.Gone, gone.Status);
        Assert.NotNull(gone.GoneAt);
        Assert.Equal("a:personal-1", gone.ConversationId);
        Assert.Empty(await _store.ListActiveUsersAsync(Tenant));

        // Installed again (as part of an app upgrade): active again.
        await _store.RecordAsync(TeamsActivities.PersonalInstall(ServiceUrl, "AAD-1", "a:personal-1", action: "add-upgrade"));
        Assert.Equal(ConversationReferenceStatus.Active, (await _store.GetUserAsync(Tenant, "AAD-1"))!.Status);
    }

    [Fact]
    public async Task ConversationUpdate_in_a_personal_chat_records_bot_or_user_added_and_bot_removed()
    {
        var botAdded = TeamsActivities.Personal(ActivityTypes.ConversationUpdate, ServiceUrl, "aad-2", "a:personal-2",
            a => a.MembersAdded = [new ChannelAccount { Id = OutboxHarness.BotId }]);
        var userAdded = TeamsActivities.Personal(ActivityTypes.ConversationUpdate, "https://smba.trafficmanager.net/de/", "aad-3", "a:personal-3",
            a => a.MembersAdded = [new ChannelAccount { Id = "29:user-aad-3", AadObjectId = "aad-3" }]);
        var unrelated = TeamsActivities.Personal(ActivityTypes.ConversationUpdate, ServiceUrl, "aad-4", "a:personal-4");

        Assert.Single(await _store.RecordAsync(botAdded));
        Assert.Single(await _store.RecordAsync(userAdded));
        Assert.Empty(await _store.RecordAsync(unrelated));

        Assert.Equal("a:personal-2", (await _store.GetUserAsync(Tenant, "aad-2"))!.ConversationId);
        Assert.Equal("https://smba.trafficmanager.net/de/", (await _store.GetUserAsync(Tenant, "aad-3"))!.ServiceUrl);
        Assert.Null(await _store.GetUserAsync(Tenant, "aad-4"));

        await _store.RecordAsync(TeamsActivities.Personal(ActivityTypes.ConversationUpdate, ServiceUrl, "aad-2", "a:personal-2",
            a => a.MembersRemoved = [new ChannelAccount { Id = OutboxHarness.BotId }]));
        Assert.Equal(ConversationReferenceStatus.Gone, (await _store.GetUserAsync(Tenant, "aad-2"))!.Status);
        Assert.Equal(["aad-3"], (await _store.ListActiveUsersAsync(Tenant)).Select(u => u.Key));

        // A message in the personal chat refreshes the reference (the service URL may move).
        await _store.RecordAsync(TeamsActivities.Personal(ActivityTypes.Message, "https://smba.trafficmanager.net/amer/", "aad-3", "a:personal-3"));
        Assert.Equal("https://smba.trafficmanager.net/amer/", (await _store.GetUserAsync(Tenant, "aad-3"))!.ServiceUrl);
    }

    [Fact]
    public async Task Team_install_stores_channel_references_and_removing_the_bot_marks_all_channels_of_the_team_gone()
    {
        // Installing in a team: installationUpdate in the General channel.
        await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.InstallationUpdate, ServiceUrl, TeamId, TeamId, configure: a => a.Action = "add"));
        // A further channel is created, and the bot is @mentioned in a thread of it.
        await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.ConversationUpdate, ServiceUrl, TeamId, TeamId,
            new { eventType = "channelCreated", channel = new { id = "19:digest@thread.tacv2", name = "Wochenübersicht" } }));
        await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.Message, ServiceUrl, "19:digest@thread.tacv2;messageid=1700000000000", TeamId,
            new { channel = new { id = "19:digest@thread.tacv2", name = "Wochenübersicht" } }));
        // Users added to the team: stored without a personal chat (the outbox creates it).
        await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.ConversationUpdate, ServiceUrl, TeamId, TeamId,
            configure: a => a.MembersAdded = [new ChannelAccount { Id = "29:user-aad-9", AadObjectId = "aad-9" }]));
        // A channel of another team.
        await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.InstallationUpdate, ServiceUrl, "19:other@thread.tacv2", "19:other@thread.tacv2",
            configure: a => a.Action = "add"));

        var general = await _store.GetChannelAsync(Tenant, TeamId);
        Assert.NotNull(general);
        Assert.Equal(ConversationKind.Channel, general.Kind);
        Assert.Equal(TeamId, general.ConversationId);
        Assert.Equal(TeamId, general.TeamId);
        Assert.Equal("Team Arbeitsvermittlung", general.TeamName);
        Assert.Equal(TeamsActivities.TeamAadGroupId, general.TeamAadGroupId); // the team's id in Graph, for reading posts back
        Assert.Equal(ServiceUrl, general.ServiceUrl);
        var digest = await _store.GetChannelAsync(Tenant, "19:digest@thread.tacv2;messageid=1");
        Assert.NotNull(digest);
        Assert.Equal("19:digest@thread.tacv2", digest.ConversationId);
        Assert.Equal("Wochenübersicht", digest.ChannelName);
        Assert.Equal(3, (await _store.ListActiveChannelsAsync(Tenant)).Count);
        var member = await _store.GetUserAsync(Tenant, "aad-9");
        Assert.NotNull(member);
        Assert.Null(member.ConversationId);
        Assert.Equal("29:user-aad-9", member.UserId);

        // The bot is removed from the team.
        var removed = await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.ConversationUpdate, ServiceUrl, TeamId, TeamId,
            configure: a => a.MembersRemoved = [new ChannelAccount { Id = OutboxHarness.BotId }]));

        Assert.Equal(2, removed.Count);
        Assert.All(removed, r => Assert.Equal(ConversationReferenceStatus.Gone, r.Status));
        Assert.Equal(ConversationReferenceStatus.Gone, (await _store.GetChannelAsync(Tenant, "19:digest@thread.tacv2"))!.Status);
        Assert.Equal(["19:other@thread.tacv2"], (await _store.ListActiveChannelsAsync(Tenant)).Select(c => c.Key));

        // Deleting a channel marks just that channel.
        await _store.RecordAsync(TeamsActivities.Channel(ActivityTypes.ConversationUpdate, ServiceUrl, "19:other@thread.tacv2", "19:other@thread.tacv2",
            new { eventType = "channelDeleted", channel = new { id = "19:other@thread.tacv2" } }));
        Assert.Empty(await _store.ListActiveChannelsAsync(Tenant));
    }

    [Fact]
    public async Task MarkGone_and_SaveUserConversation_work_on_stored_rows_and_group_chats_are_ignored()
    {
        Assert.False(await _store.MarkGoneAsync(Tenant, ConversationKind.User, "nobody"));

        var saved = await _store.SaveUserConversationAsync(Tenant, "aad-5", ServiceUrl, "a:created", OutboxHarness.BotId, "msteams");
        Assert.Equal("a:created", saved.ConversationId);
        Assert.Equal(ConversationReferenceStatus.Active, saved.Status);
        Assert.True(await _store.MarkGoneAsync(Tenant, ConversationKind.User, "aad-5"));
        Assert.Equal(ConversationReferenceStatus.Gone, (await _store.GetUserAsync(Tenant, "aad-5"))!.Status);

        var groupChat = TeamsActivities.Personal(ActivityTypes.ConversationUpdate, ServiceUrl, "aad-6", "19:group@thread.v2",
            a => { a.Conversation!.ConversationType = "groupChat"; a.MembersAdded = [new ChannelAccount { Id = OutboxHarness.BotId }]; });
        Assert.Empty(await _store.RecordAsync(groupChat));
        var noTenant = TeamsActivities.PersonalInstall(ServiceUrl, "aad-7", "a:personal-7");
        noTenant.Conversation!.TenantId = null;
        noTenant.ChannelData = null;
        Assert.Empty(await _store.RecordAsync(noTenant));
    }
}
