using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TeamsAmdl.Bot;

/// <summary>PartitionKey/RowKey helpers: escaping of characters the Table service forbids in keys.</summary>
internal static class TableKeys
{
    /// <summary>Keys may be up to 1 KiB; escaped keys longer than this are refused.</summary>
    public const int MaxKeyLength = 400;

    /// <summary>
    /// Escapes '/', '\', '#', '?', control characters, the quote and '%' itself as %XX, so any string maps to a
    /// distinct valid key (the original value is stored in a property where it must be read back).
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escape = c is '/' or '\\' or '#' or '?' or '%' or '\'' || char.IsControl(c);
            if (escape)
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 16);
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }
        return builder?.ToString() ?? value;
    }

    /// <summary>One of 256 partitions, derived from the value: spreads rows without a natural partition.</summary>
    public static string Bucket(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 1));
}
