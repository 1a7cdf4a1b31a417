namespace TeamsAmdl.Domain;

/// <summary>
/// Enum values from people and clients are accepted by name only (case-insensitive): <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// also takes numbers ("1"), undefined numbers ("99") and comma lists ("Agh, DiaAm"), which stored values and
/// filters would then carry silently (issue 12: "?kind=1").
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || !char.IsLetter(t[0]) || t.Contains(',', StringComparison.Ordinal)) return false;
        return Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
