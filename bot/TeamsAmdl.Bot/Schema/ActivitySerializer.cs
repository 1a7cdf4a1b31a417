using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsAmdl.Bot;

/// <summary>
/// JSON (de)serialization of Bot Framework payloads and validation of inbound activities.
/// Error texts are German: they end up in logs and 400 responses read by people.
/// </summary>
public static class ActivitySerializer
{
    /// <summary>camelCase, nulls omitted; the options used for every Bot Framework payload.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Parses and validates an inbound activity.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out Activity? activity, [NotNullWhen(false)] out string? error)
    {
        activity = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "Der Activity-Body ist leer.";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return TryRead(document, out activity, out error);
        }
        catch (JsonException ex)
        {
            error = MalformedJson(ex);
            return false;
        }
    }

    /// <summary>
    /// Parses and validates an inbound activity from a UTF-8 stream (read to the end). Reads synchronously; in
    /// ASP.NET Core (synchronous IO disabled) use <see cref="ParseAsync"/>.
    /// </summary>
    public static bool TryParse(Stream utf8Json, [NotNullWhen(true)] out Activity? activity, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return TryParse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out activity, out error);
    }

    /// <summary>Asynchronous variant of <see cref="TryParse(Stream, out Activity?, out string?)"/>: exactly one of the two results is set.</summary>
    public static async Task<(Activity? Activity, string? Error)> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return TryParse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var activity, out var error) ? (activity, null) : (null, error);
    }

    private static bool TryParse(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out Activity? activity, [NotNullWhen(false)] out string? error)
    {
        activity = null;
        if (utf8Json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = "Der Activity-Body ist leer.";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return TryRead(document, out activity, out error);
        }
        catch (JsonException ex)
        {
            error = MalformedJson(ex);
            return false;
        }
    }

    /// <summary>
    /// Whether an activity of this type must carry serviceUrl, channelId and conversation.id. Every type a
    /// channel delivers does; only <see cref="ActivityTypes.InvokeResponse"/> is bot-internal.
    /// </summary>
    public static bool RequiresConversationReference(string type) =>
        !string.Equals(type, ActivityTypes.InvokeResponse, StringComparison.Ordinal);

    private static bool TryRead(JsonDocument document, [NotNullWhen(true)] out Activity? activity, [NotNullWhen(false)] out string? error)
    {
        activity = null;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = $"Der Activity-Body muss ein JSON-Objekt sein, nicht '{root.ValueKind}'.";
            return false;
        }
        try
        {
            activity = root.Deserialize<Activity>(Options);
        }
        catch (JsonException ex)
        {
            // The serializer's message names .NET types ("could not be converted to System.String"): the path says enough.
            error = $"Ungültiger Wert bei '{ex.Path ?? "$"}': falscher JSON-Typ oder unzulässiger Wert.";
            return false;
        }
        if (activity is null)
        {
            error = "Der Activity-Body muss ein JSON-Objekt sein.";
            return false;
        }
        error = Validate(activity);
        if (error is null) return true;
        activity = null;
        return false;
    }

    private static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
            return "Pflichtfeld 'type' fehlt.";
        if (!RequiresConversationReference(activity.Type))
            return null;
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
            return $"Pflichtfeld 'serviceUrl' fehlt (Activity-Typ '{activity.Type}').";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri)
            || (serviceUri.Scheme != Uri.UriSchemeHttps && serviceUri.Scheme != Uri.UriSchemeHttp))
            return $"'serviceUrl' ist keine absolute http(s)-URL: '{activity.ServiceUrl}' (Activity-Typ '{activity.Type}').";
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
            return $"Pflichtfeld 'channelId' fehlt (Activity-Typ '{activity.Type}').";
        if (activity.Conversation is null)
            return $"Pflichtfeld 'conversation' fehlt (Activity-Typ '{activity.Type}').";
        if (string.IsNullOrWhiteSpace(activity.Conversation.Id))
            return $"Pflichtfeld 'conversation.id' fehlt (Activity-Typ '{activity.Type}').";
        return null;
    }

    /// <summary>Where the JSON breaks, in German; the reader's English message stays out of the answer.</summary>
    private static string MalformedJson(JsonException ex) =>
        $"Ungültiges JSON (Zeile {(ex.LineNumber ?? 0) + 1}, Byte {(ex.BytePositionInLine ?? 0) + 1}).";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
