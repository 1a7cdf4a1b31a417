using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsAmdl.Bot;

/// <summary>Body of POST /v3/conversations (Microsoft.Bot.Schema.ConversationParameters).</summary>
public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("members")] public IList<ChannelAccount>? Members { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("activity")] public Activity? Activity { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
