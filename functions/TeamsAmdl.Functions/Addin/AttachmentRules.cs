namespace TeamsAmdl.Functions.Addin;

/// <summary>
/// Which attachments may go into the e-Akte (issue 18, item 3): no executable or script, recognised by the file
/// extension and, for renamed Windows programs, by their first bytes ("MZ"). Pure.
/// </summary>
public static class AttachmentRules
{
    /// <summary>Programs, scripts, installers and shortcuts Windows or a browser would run.</summary>
    public static readonly IReadOnlyList<string> BlockedExtensions =
    [
        "exe", "com", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "psd1", "msi", "msp", "mst",
        "scr", "pif", "cpl", "hta", "jar", "lnk", "reg", "dll", "sys", "msc", "application", "gadget", "appx", "msix",
        "appxbundle", "msixbundle", "vb", "sh", "apk", "iso", "img", "vhd", "vhdx",
    ];

    private static readonly HashSet<string> Blocked = new(BlockedExtensions, StringComparer.OrdinalIgnoreCase);

    /// <summary>The extension without the dot, lower-case; "" if the name has none.</summary>
    public static string ExtensionOf(string name)
    {
        var trimmed = name.Trim().TrimEnd('.', ' ');
        var dot = trimmed.LastIndexOf('.');
        return dot < 0 || dot == trimmed.Length - 1 ? "" : trimmed[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>True for an executable or script: by extension, or a Windows program (MZ header) under any name.</summary>
    public static bool IsExecutable(string name, ReadOnlySpan<byte> content) =>
        Blocked.Contains(ExtensionOf(name)) || IsWindowsProgram(content);

    /// <summary>"MZ", and at the offset stored at 0x3C the PE signature: a text that merely starts with "MZ" is no program.</summary>
    private static bool IsWindowsProgram(ReadOnlySpan<byte> content)
    {
        if (content.Length < 0x40 || content[0] != 'M' || content[1] != 'Z') return false;
        var pe = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(content.Slice(0x3C, 4));
        return pe >= 0x40 && pe <= content.Length - 4 && content.Slice(pe, 4).SequenceEqual("PE\0\0"u8);
    }
}
