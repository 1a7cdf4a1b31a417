using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Bot;

/// <summary>
/// Conversation references for proactive messages, kept in one table: per user (PartitionKey = tenant id,
/// RowKey = "user_{AAD object id}") the personal chat, per team channel (RowKey = "channel_{conversation id}") the
/// channel conversation. Feed every authenticated inbound activity to <see cref="RecordAsync"/>:
/// <list type="bullet">
/// <item>installationUpdate "add"/"add-upgrade", conversationUpdate with the bot (or, in a personal chat, the user)
/// in membersAdded, and messages refresh the reference (the service URL can change) and make it Active;</item>
/// <item>installationUpdate "remove"/"remove-upgrade" and conversationUpdate with the bot in membersRemoved mark it
/// Gone (a team uninstall marks every channel of the team); the row is kept;</item>
/// <item>team events channelCreated/channelRenamed/channelRestored store that channel, channelDeleted marks it Gone,
/// teamDeleted marks the team's channels Gone; users added to a team are stored without a personal conversation id
/// (the outbox creates the chat when it first messages them).</item>
/// </list>
/// Rows are written with Merge, so a property an activity does not carry (e.g. the personal conversation id on a
/// team event) keeps its stored value.
/// </summary>
public sealed class ConversationReferenceStore
{
    private const string UserPrefix = "user_";
    private const string ChannelPrefix = "channel_";
    private const string PersonalScope = "personal";
    private const string ChannelScope = "channel";

    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public ConversationReferenceStore(TableClient table, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Records what <paramref name="activity"/> says about reachable conversations (see the class summary) and returns
    /// the references it stored or marked Gone, as they are now; empty if the activity says nothing (e.g. group chats,
    /// or no tenant id).
    /// </summary>
    public async Task<IReadOnlyList<StoredConversationReference>> RecordAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation;
        var tenantId = GetTenantId(activity);
        if (conversation?.Id is null || string.IsNullOrEmpty(activity.ServiceUrl) || tenantId is null)
            return [];

        var scope = conversation.ConversationType;
        var botId = activity.Recipient?.Id;
        var added = activity.MembersAdded ?? [];
        var removed = activity.MembersRemoved ?? [];
        bool IsBot(ChannelAccount member) => botId is not null && string.Equals(member.Id, botId, StringComparison.Ordinal);
        var results = new List<StoredConversationReference>();

        if (string.Equals(scope, PersonalScope, StringComparison.OrdinalIgnoreCase))
        {
            var user = PersonalUser(activity, added);
            if (user?.AadObjectId is null)
                return [];
            var gone = activity.Type switch
            {
                ActivityTypes.InstallationUpdate => IsRemove(activity.Action) ? true : IsAdd(activity.Action) ? false : (bool?)null,
                ActivityTypes.ConversationUpdate => removed.Any(IsBot) ? true
                    : added.Any(m => IsBot(m) || IsSameUser(m, user)) ? false : null,
                _ => false, // any other activity in the personal chat: the user can be reached there
            };
            if (gone is { } isGone)
                results.Add(await WriteAsync(UserEntity(activity, tenantId, user, conversation.Id, isGone), cancellationToken).ConfigureAwait(false));
            return results;
        }

        if (!string.Equals(scope, ChannelScope, StringComparison.OrdinalIgnoreCase))
            return []; // group chats are not used for proactive messages

        var channelData = activity.ChannelData;
        var teamId = GetString(channelData, "team", "id");
        var eventType = GetString(channelData, "eventType");
        var channelConversationId = NormalizeChannelConversationId(conversation.Id);

        if (activity.Type == ActivityTypes.InstallationUpdate)
        {
            if (IsAdd(activity.Action))
                results.Add(await WriteAsync(ChannelEntity(activity, tenantId, channelConversationId, GetString(channelData, "channel", "name"), false), cancellationToken).ConfigureAwait(false));
            else if (IsRemove(activity.Action))
                results.AddRange(await MarkTeamGoneAsync(activity, tenantId, teamId, channelConversationId, cancellationToken).ConfigureAwait(false));
            return results;
        }

        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (removed.Any(IsBot) || eventType == "teamDeleted")
                return await MarkTeamGoneAsync(activity, tenantId, teamId, channelConversationId, cancellationToken).ConfigureAwait(false);
            if (added.Any(IsBot))
                results.Add(await WriteAsync(ChannelEntity(activity, tenantId, channelConversationId, GetString(channelData, "channel", "name"), false), cancellationToken).ConfigureAwait(false));
            foreach (var member in added.Where(m => !IsBot(m) && !string.IsNullOrEmpty(m.AadObjectId)))
                results.Add(await WriteAsync(UserEntity(activity, tenantId, member, conversationId: null, gone: false), cancellationToken).ConfigureAwait(false));
            // channel events name the affected channel in channelData.channel; activity.conversation is the team.
            if (GetString(channelData, "channel", "id") is { } eventChannel
                && eventType is "channelCreated" or "channelRenamed" or "channelRestored" or "channelDeleted")
            {
                results.Add(await WriteAsync(ChannelEntity(activity, tenantId, NormalizeChannelConversationId(eventChannel),
                    GetString(channelData, "channel", "name"), gone: eventType == "channelDeleted"), cancellationToken).ConfigureAwait(false));
            }
            return results;
        }

        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
            results.Add(await WriteAsync(ChannelEntity(activity, tenantId, channelConversationId, GetString(channelData, "channel", "name"), false), cancellationToken).ConfigureAwait(false));
        return results;
    }

    public async Task<StoredConversationReference?> GetUserAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(aadObjectId);
        return await GetAsync(tenantId, UserRowKey(aadObjectId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A channel by its conversation id ("19:…@thread.tacv2"; a ";messageid=…" suffix is ignored).</summary>
    public async Task<StoredConversationReference?> GetChannelAsync(string tenantId, string channelConversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(channelConversationId);
        return await GetAsync(tenantId, ChannelRowKey(NormalizeChannelConversationId(channelConversationId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks a reference Gone (key: AAD object id for users, channel conversation id for channels). Returns false if
    /// there is no such row.
    /// </summary>
    public async Task<bool> MarkGoneAsync(string tenantId, ConversationKind kind, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var rowKey = kind == ConversationKind.User ? UserRowKey(key) : ChannelRowKey(NormalizeChannelConversationId(key));
        var now = _time.GetUtcNow();
        try
        {
            await _table.UpdateEntityAsync(new ConversationReferenceEntity
            {
                PartitionKey = TableKeys.Escape(tenantId),
                RowKey = rowKey,
                Status = nameof(ConversationReferenceStatus.Gone),
                GoneAt = now,
                UpdatedAt = now,
            }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Users of the tenant whose reference is Active (with or without a personal conversation id).</summary>
    public Task<IReadOnlyList<StoredConversationReference>> ListActiveUsersAsync(string tenantId, CancellationToken cancellationToken = default) =>
        ListActiveAsync(tenantId, UserPrefix, cancellationToken);

    /// <summary>Team channels of the tenant whose reference is Active.</summary>
    public Task<IReadOnlyList<StoredConversationReference>> ListActiveChannelsAsync(string tenantId, CancellationToken cancellationToken = default) =>
        ListActiveAsync(tenantId, ChannelPrefix, cancellationToken);

    /// <summary>
    /// Stores the personal conversation the outbox created for a user (POST /v3/conversations). Does not change the
    /// reference's status.
    /// </summary>
    public async Task<StoredConversationReference> SaveUserConversationAsync(string tenantId, string aadObjectId, string serviceUrl,
        string conversationId, string? botId, string? channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(aadObjectId);
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var entity = new ConversationReferenceEntity
        {
            PartitionKey = TableKeys.Escape(tenantId),
            RowKey = UserRowKey(aadObjectId),
            Kind = nameof(ConversationKind.User),
            TenantId = tenantId,
            Key = aadObjectId,
            AadObjectId = aadObjectId,
            ServiceUrl = serviceUrl,
            ConversationId = conversationId,
            BotId = botId,
            ChannelId = channelId,
            UpdatedAt = _time.GetUtcNow(),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return await GetAsync(tenantId, entity.RowKey, cancellationToken).ConfigureAwait(false) ?? entity.ToReference();
    }

    /// <summary>"19:…@thread.tacv2;messageid=123" (a thread in the channel) → "19:…@thread.tacv2".</summary>
    public static string NormalizeChannelConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }

    private async Task<StoredConversationReference?> GetAsync(string tenantId, string rowKey, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ConversationReferenceEntity>(TableKeys.Escape(tenantId), rowKey,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToReference() : null;
    }

    private async Task<IReadOnlyList<StoredConversationReference>> ListActiveAsync(string tenantId, string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        // RowKeys with the prefix sort between "prefix" and the prefix with its last character incremented.
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(tenantId)} and RowKey ge {prefix} and RowKey lt {upper} and Status eq {nameof(ConversationReferenceStatus.Active)}");
        var list = new List<StoredConversationReference>();
        await foreach (var entity in _table.QueryAsync<ConversationReferenceEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(entity.ToReference());
        return list;
    }

    private async Task<StoredConversationReference> WriteAsync(ConversationReferenceEntity entity, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return await GetAsync(entity.TenantId!, entity.RowKey, cancellationToken).ConfigureAwait(false) ?? entity.ToReference();
    }

    private async Task<IReadOnlyList<StoredConversationReference>> MarkTeamGoneAsync(Activity activity, string tenantId, string? teamId,
        string channelConversationId, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { channelConversationId };
        if (teamId is not null)
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {TableKeys.Escape(tenantId)} and Kind eq {nameof(ConversationKind.Channel)} and TeamId eq {teamId}");
            await foreach (var row in _table.QueryAsync<ConversationReferenceEntity>(filter, select: ["Key"], cancellationToken: cancellationToken).ConfigureAwait(false))
                if (row.Key is not null) keys.Add(row.Key);
        }
        var results = new List<StoredConversationReference>();
        foreach (var key in keys)
        {
            var entity = key == channelConversationId
                ? ChannelEntity(activity, tenantId, key, channelName: null, gone: true)
                : new ConversationReferenceEntity
                {
                    PartitionKey = TableKeys.Escape(tenantId),
                    RowKey = ChannelRowKey(key),
                    TenantId = tenantId,
                    Status = nameof(ConversationReferenceStatus.Gone),
                    GoneAt = _time.GetUtcNow(),
                    UpdatedAt = _time.GetUtcNow(),
                };
            results.Add(await WriteAsync(entity, cancellationToken).ConfigureAwait(false));
        }
        return results;
    }

    private ConversationReferenceEntity UserEntity(Activity activity, string tenantId, ChannelAccount user, string? conversationId, bool gone)
    {
        var now = _time.GetUtcNow();
        return new ConversationReferenceEntity
        {
            PartitionKey = TableKeys.Escape(tenantId),
            RowKey = UserRowKey(user.AadObjectId!),
            Kind = nameof(ConversationKind.User),
            TenantId = tenantId,
            Key = user.AadObjectId,
            Status = gone ? nameof(ConversationReferenceStatus.Gone) : nameof(ConversationReferenceStatus.Active),
            GoneAt = gone ? now : null,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            ConversationId = conversationId,
            AadObjectId = user.AadObjectId,
            UserId = user.Id,
            UserName = user.Name,
            BotId = activity.Recipient?.Id,
            UpdatedAt = now,
        };
    }

    private ConversationReferenceEntity ChannelEntity(Activity activity, string tenantId, string channelConversationId, string? channelName, bool gone)
    {
        var now = _time.GetUtcNow();
        return new ConversationReferenceEntity
        {
            PartitionKey = TableKeys.Escape(tenantId),
            RowKey = ChannelRowKey(channelConversationId),
            Kind = nameof(ConversationKind.Channel),
            TenantId = tenantId,
            Key = channelConversationId,
            Status = gone ? nameof(ConversationReferenceStatus.Gone) : nameof(ConversationReferenceStatus.Active),
            GoneAt = gone ? now : null,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            ConversationId = channelConversationId,
            BotId = activity.Recipient?.Id,
            TeamId = GetString(activity.ChannelData, "team", "id"),
            TeamName = GetString(activity.ChannelData, "team", "name"),
            TeamAadGroupId = GetString(activity.ChannelData, "team", "aadGroupId"),
            ChannelName = channelName,
            UpdatedAt = now,
        };
    }

    /// <summary>The user of a personal chat: the sender, or else the non-bot member added.</summary>
    private static ChannelAccount? PersonalUser(Activity activity, IList<ChannelAccount> added)
    {
        if (!string.IsNullOrEmpty(activity.From?.AadObjectId))
            return activity.From;
        var botId = activity.Recipient?.Id;
        return added.FirstOrDefault(m => !string.IsNullOrEmpty(m.AadObjectId) && !string.Equals(m.Id, botId, StringComparison.Ordinal));
    }

    private static bool IsSameUser(ChannelAccount member, ChannelAccount user) =>
        (member.Id is not null && string.Equals(member.Id, user.Id, StringComparison.Ordinal))
        || (member.AadObjectId is not null && string.Equals(member.AadObjectId, user.AadObjectId, StringComparison.OrdinalIgnoreCase));

    // Teams sends "add"/"remove", and "add-upgrade"/"remove-upgrade" when an app update adds or removes the bot.
    private static bool IsAdd(string? action) => action is not null && action.StartsWith("add", StringComparison.OrdinalIgnoreCase);
    private static bool IsRemove(string? action) => action is not null && action.StartsWith("remove", StringComparison.OrdinalIgnoreCase);

    private static string? GetTenantId(Activity activity) =>
        !string.IsNullOrEmpty(activity.Conversation?.TenantId) ? activity.Conversation.TenantId : GetString(activity.ChannelData, "tenant", "id");

    private static string UserRowKey(string aadObjectId) => UserPrefix + TableKeys.Escape(aadObjectId.ToLowerInvariant());
    private static string ChannelRowKey(string channelConversationId) => ChannelPrefix + TableKeys.Escape(channelConversationId);

    private static string? GetString(JsonElement? element, params string[] path)
    {
        if (element is not { } current)
            return null;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                return null;
        }
        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }
}
