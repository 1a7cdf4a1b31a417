using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Storage;

/// <summary>One page of a table query and the token of the next one (null: no more rows).</summary>
public sealed record TablePage<T>(IReadOnlyList<T> Items, string? Continuation);

/// <summary>
/// Reads one page of at most <c>max</c> rows of a server-side filtered query. The service may answer a filtered scan
/// with short or empty pages and a continuation; this reads on until <c>max</c> rows or the end. The continuation handed
/// out is the service's next-key token, base64url-encoded so it is opaque and fits a URL. A token that is not one of
/// ours (or names keys the service refuses) gives null: the caller answers 400.
/// </summary>
public static class TablePaging
{
    public const int MaxTokenLength = 2048;

    public static async Task<TablePage<T>?> ReadAsync<T>(TableClient table, string? filter, int max, string? continuation,
        IEnumerable<string>? select = null, CancellationToken ct = default) where T : class, ITableEntity
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var token = continuation is null ? null : Decode(continuation);
        if (continuation is not null && token is null) return null;
        var items = new List<T>(Math.Min(max, 1000));
        do
        {
            var size = Math.Min(1000, max - items.Count);
            string? next = null;
            try
            {
                await foreach (var page in table.QueryAsync<T>(filter, size, select, ct).AsPages(token, size).WithCancellation(ct))
                {
                    items.AddRange(page.Values);
                    next = page.ContinuationToken;
                    break;
                }
            }
            catch (RequestFailedException e) when (e.Status == 400 && continuation is not null)
            {
                return null; // keys in the token the service refuses
            }
            token = next;
        } while (token is not null && items.Count < max);
        return new TablePage<T>(items, token is null ? null : Encode(token));
    }

    /// <summary>Whether a client's token is one of ours (decodable, not absurdly long); the service checks the keys.</summary>
    public static bool IsWellFormed(string? continuation) => continuation is not null && continuation.Length <= MaxTokenLength && Decode(continuation) is not null;

    private static string Encode(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string continuation)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation));
            return text.Length > 0 && !text.Any(char.IsControl) ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
