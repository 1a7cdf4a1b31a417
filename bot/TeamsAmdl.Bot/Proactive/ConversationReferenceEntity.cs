using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Bot;

/// <summary>Table row of <see cref="ConversationReferenceStore"/>: PartitionKey = tenant id, RowKey = "user_{aad}" / "channel_{conversation id}".</summary>
internal sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Kind { get; set; }
    public string? TenantId { get; set; }
    public string? Key { get; set; }
    public string? Status { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public string? ConversationId { get; set; }
    public string? AadObjectId { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? BotId { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? TeamAadGroupId { get; set; }
    public string? ChannelName { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? GoneAt { get; set; }

    public StoredConversationReference ToReference()
    {
        var status = Enum.TryParse<ConversationReferenceStatus>(Status, out var s) ? s : ConversationReferenceStatus.Active;
        return new StoredConversationReference
        {
            Kind = Enum.TryParse<ConversationKind>(Kind, out var k) ? k : ConversationKind.User,
            TenantId = TenantId ?? "",
            Key = Key ?? "",
            Status = status,
            ServiceUrl = ServiceUrl,
            ChannelId = ChannelId,
            ConversationId = ConversationId,
            AadObjectId = AadObjectId,
            UserId = UserId,
            UserName = UserName,
            BotId = BotId,
            TeamId = TeamId,
            TeamName = TeamName,
            TeamAadGroupId = TeamAadGroupId,
            ChannelName = ChannelName,
            UpdatedAt = UpdatedAt ?? Timestamp ?? default,
            GoneAt = status == ConversationReferenceStatus.Gone ? GoneAt : null,
        };
    }
}
