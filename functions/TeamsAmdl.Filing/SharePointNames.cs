using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TeamsAmdl.Filing;

/// <summary>
/// Makes names safe for SharePoint Online: no <c>" * : &lt; &gt; ? / \ |</c> (nor #, %, control characters),
/// no leading/trailing spaces or dots, no leading "~$", no "_vti_", no reserved names (CON, PRN, AUX, NUL,
/// COM0–9, LPT0–9, .lock, desktop.ini, forms), NFC, bounded length. A shortened name ends in "~" and 6 hex digits
/// of the original's hash, so two long names that differ only at the end stay different files.
/// </summary>
public static class SharePointNames
{
    /// <summary>SharePoint's limit for a whole decoded path.</summary>
    public const int MaxPathLength = 400;

    /// <summary>SharePoint's limit for one file or folder name.</summary>
    public const int MaxSegmentLength = 255;

    private const char Replacement = '_';

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase) { ".lock", "desktop.ini", "forms", "_vti_" };

    /// <summary>One folder or file-name part, at most <paramref name="maxLength"/> characters; never empty.</summary>
    public static string Segment(string? name, int maxLength = MaxSegmentLength, string fallback = "Unbenannt")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 8);
        var original = (name ?? "").Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(original.Length);
        var lastWasSpace = false;
        foreach (var c in original)
        {
            var mapped = c switch
            {
                '"' or '*' or ':' or '<' or '>' or '?' or '/' or '\\' or '|' or '#' or '%' => Replacement,
                _ when char.IsControl(c) => ' ',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            };
            if (mapped == ' ')
            {
                if (lastWasSpace) continue;
                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
            }
            sb.Append(mapped);
        }
        var s = TrimEdges(sb.ToString().Replace("_vti_", "_vti-", StringComparison.OrdinalIgnoreCase));
        if (s.StartsWith("~$", StringComparison.Ordinal)) s = TrimEdges(s[2..]);
        if (s.Length == 0) s = fallback;
        if (IsReserved(s))
        {
            var dot = s.IndexOf('.');
            s = dot > 0 ? s.Insert(dot, Replacement.ToString()) : s + Replacement;
        }
        return s.Length <= maxLength ? s : Shorten(s, maxLength, original);
    }

    /// <summary>
    /// Cuts <paramref name="s"/> to <paramref name="maxLength"/> characters: keeps the start, appends "~" and six hex
    /// digits of SHA-256(<paramref name="original"/>). Never splits a surrogate pair; ends with neither space nor dot.
    /// </summary>
    public static string Shorten(string s, int maxLength, string? original = null)
    {
        if (s.Length <= maxLength) return s;
        var tag = "~" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(original ?? s)))[..6].ToLowerInvariant();
        var keep = maxLength - tag.Length;
        if (keep > 0 && char.IsHighSurrogate(s[keep - 1])) keep--;
        var head = TrimEdges(s[..Math.Max(0, keep)]);
        return head + tag;
    }

    /// <summary>A name SharePoint refuses: a reserved name, or a device name with or without an extension ("CON.txt").</summary>
    public static bool IsReserved(string name)
    {
        if (ReservedNames.Contains(name) || DeviceNames.Contains(name)) return true;
        var dot = name.IndexOf('.');
        return dot > 0 && DeviceNames.Contains(name[..dot]);
    }

    /// <summary>File-name extension: lower-case letters and digits, 1–10 characters, without the dot.</summary>
    public static string Extension(string extension)
    {
        var e = (extension ?? "").Trim().TrimStart('.').ToLowerInvariant();
        if (e.Length is 0 or > 10 || !e.All(char.IsAsciiLetterOrDigit))
            throw new FilingRejectedException("invalid_extension", $"Die Dateiendung „{extension}“ ist ungültig (erwartet z. B. pdf oder docx).");
        return e;
    }

    private static string TrimEdges(string s) => s.Trim(' ', '.');

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
