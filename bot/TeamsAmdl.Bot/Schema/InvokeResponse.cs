using System.Text.Json.Serialization;

namespace TeamsAmdl.Bot;

/// <summary>
/// Answer to an invoke activity (Microsoft.Bot.Builder.InvokeResponse): <see cref="Status"/> becomes the
/// HTTP status of the bot endpoint's response and <see cref="Body"/> its JSON body.
/// </summary>
public sealed class InvokeResponse
{
    [JsonPropertyName("status")] public int Status { get; set; } = 200;
    [JsonPropertyName("body")] public object? Body { get; set; }
}
