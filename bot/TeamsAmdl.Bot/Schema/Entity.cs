using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsAmdl.Bot;

/// <summary>An activity entity such as a mention (Microsoft.Bot.Schema.Entity); everything but the type stays in <see cref="Properties"/>.</summary>
public sealed class Entity
{
    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
