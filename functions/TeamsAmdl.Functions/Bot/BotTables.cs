using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// The bot's tables (same account and prefix as <see cref="Tables"/>). They are created on first use, once per
/// process, so the bot needs no change to the app's start-up table list.
/// </summary>
public sealed class BotTables(Tables tables)
{
    /// <summary>Idempotency records of card actions (see <see cref="IdempotencyGuard"/>).</summary>
    public const string ActionsTable = "BotActions";
    /// <summary>Events the bot's handlers record, e.g. "Ping" (see <see cref="BotEventLog"/>).</summary>
    public const string EventsTable = "BotEvents";
    /// <summary>Development only: what the dev connector "sent" (see DevInbox/DevConnector).</summary>
    public const string DevInboxTable = "DevInbox";

    public Task<TableClient> GetAsync(string name, CancellationToken ct) => tables.GetCreatedAsync(name, ct);
}

/// <summary>Table keys from outside values (conversation ids, verbs, request ids).</summary>
public static class TableKeys
{
    private const int MaxLength = 255;

    /// <summary>
    /// Percent-escapes what Table storage forbids in keys ('/', '\', '#', '?', control characters) and '%' itself,
    /// so the mapping stays reversible; values longer than 255 characters become "h:" + SHA-256 (hex).
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
                sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.Length <= MaxLength ? sb.ToString() : "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}

/// <summary>
/// Long strings (activity and card JSON) split over up to <see cref="Parts"/> string properties: one property
/// holds at most 64 KiB (32K UTF-16 characters).
/// </summary>
public static class LargeText
{
    public const int Parts = 4;
    private const int ChunkLength = 30_000;

    public static string?[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Parts * ChunkLength)
            throw new InvalidOperationException($"Text of {text.Length} characters does not fit into {Parts} table properties.");
        var parts = new string?[Parts];
        for (var i = 0; i < Parts && i * ChunkLength < text.Length; i++)
            parts[i] = text.Substring(i * ChunkLength, Math.Min(ChunkLength, text.Length - i * ChunkLength));
        if (text.Length == 0) parts[0] = "";
        return parts;
    }

    public static string? Join(params string?[] parts) =>
        parts[0] is null ? null : string.Concat(parts.Where(p => p is not null));
}
