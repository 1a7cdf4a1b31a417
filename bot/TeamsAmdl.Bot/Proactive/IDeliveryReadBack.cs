namespace TeamsAmdl.Bot;

/// <summary>
/// Asks the chat itself whether a message arrived: the seam through which <see cref="OutboxWorker"/> settles a
/// message whose send attempt ended without a recorded outcome (worker killed after the connector accepted it, or
/// before). The Bot Connector cannot answer that; the chat's message list can (<see cref="GraphDeliveryReadBack"/>).
/// </summary>
public interface IDeliveryReadBack
{
    /// <summary>
    /// The id of the message in the recipient's chat that carries <see cref="DeliveryLookup.Marker"/>, or null when
    /// the chat has no such message. Throws when it cannot tell (the worker then tries again later, never guesses).
    /// </summary>
    Task<string?> FindAsync(DeliveryLookup lookup, CancellationToken cancellationToken);
}

/// <summary>
/// Where to look: a personal chat (<see cref="RecipientAadObjectId"/>) or a team channel (<see cref="TeamAadGroupId"/>
/// set, <see cref="ConversationId"/> the channel's conversation id), for a message carrying <see cref="Marker"/>.
/// </summary>
/// <param name="Since">No earlier attempt can have produced a message before this time (clock skew included).</param>
public sealed record DeliveryLookup(string TenantId, string? RecipientAadObjectId, string ServiceUrl, string ConversationId, string Marker,
    DateTimeOffset Since)
{
    /// <summary>Channel posts: the team's Microsoft 365 group id (its id in Graph).</summary>
    public string? TeamAadGroupId { get; init; }

    public bool IsChannel => RecipientAadObjectId is null;
}
