using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsAmdl.Bot;

/// <summary>
/// An attachment (Microsoft.Bot.Schema.Attachment). <see cref="Content"/> is a <see cref="JsonElement"/>
/// after parsing; when sending, any object (e.g. an Adaptive Card model or a JsonNode) is serialized by its runtime type.
/// </summary>
public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("content")] public object? Content { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
