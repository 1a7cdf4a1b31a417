using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsAmdl.Bot;

/// <summary>Id of a created or updated resource (Microsoft.Bot.Schema.ResourceResponse).</summary>
public sealed class ResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
