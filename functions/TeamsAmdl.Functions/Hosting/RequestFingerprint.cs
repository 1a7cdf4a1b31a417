using System.Security.Cryptography;
using System.Text.Json;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// What an idempotency key (Idempotency-Key header, a digest's publishId) is bound to: a hash of the route and the
/// request's meaningful content, stored with the first result. The same key with another fingerprint is a different
/// request reusing the key (422), not a repeat (issue 12: it silently returned the first result).
/// </summary>
public static class RequestFingerprint
{
    /// <param name="route">Method and route template, so one key cannot be replayed on another route.</param>
    /// <param name="parts">The request's content, normalized as the service reads it (trimmed, defaults applied).</param>
    public static string Of(string route, params object?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new object?[] { route }.Concat(parts).ToArray())));

    /// <summary>True when the stored fingerprint belongs to another request; rows from before fingerprints match anything.</summary>
    public static bool Conflicts(string? stored, string current) => stored is not null && !string.Equals(stored, current, StringComparison.Ordinal);
}
