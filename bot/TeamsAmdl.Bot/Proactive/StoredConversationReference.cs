namespace TeamsAmdl.Bot;

/// <summary>Whether a stored reference addresses one user (personal chat) or a team channel.</summary>
public enum ConversationKind
{
    User,
    Channel,
}

/// <summary>Active: the bot can reach the conversation. Gone: the app was uninstalled or the bot removed (row kept).</summary>
public enum ConversationReferenceStatus
{
    Active,
    Gone,
}

/// <summary>
/// What is needed to message a user or channel proactively, as recorded by <see cref="ConversationReferenceStore"/>.
/// Users are keyed by (tenant id, AAD object id), channels by (tenant id, channel conversation id without ";messageid=…").
/// </summary>
public sealed record StoredConversationReference
{
    public required ConversationKind Kind { get; init; }
    public required string TenantId { get; init; }

    /// <summary>User: the AAD object id. Channel: the channel conversation id ("19:…@thread.tacv2").</summary>
    public required string Key { get; init; }

    public ConversationReferenceStatus Status { get; init; }
    public string? ServiceUrl { get; init; }

    /// <summary>Channel id of the Bot Framework ("msteams").</summary>
    public string? ChannelId { get; init; }

    /// <summary>
    /// Conversation to post to: the personal chat of a user (null while none is known; the outbox creates one) or the
    /// channel's conversation id.
    /// </summary>
    public string? ConversationId { get; init; }

    public string? AadObjectId { get; init; }

    /// <summary>The user's Bot Framework id ("29:…").</summary>
    public string? UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The bot's id in this conversation ("28:{appId}").</summary>
    public string? BotId { get; init; }

    /// <summary>Channels: the team (channelData.team.id) and names for display.</summary>
    public string? TeamId { get; init; }

    public string? TeamName { get; init; }

    /// <summary>Channel references: the team's Microsoft 365 group id (channelData.team.aadGroupId), its id in Graph.</summary>
    public string? TeamAadGroupId { get; init; }
    public string? ChannelName { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the reference was marked <see cref="ConversationReferenceStatus.Gone"/>; null while active.</summary>
    public DateTimeOffset? GoneAt { get; init; }
}
