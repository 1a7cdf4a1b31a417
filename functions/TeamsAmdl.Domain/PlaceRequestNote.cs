namespace TeamsAmdl.Domain;

/// <summary>
/// The optional free texts of a place request: the IFK's note and the decline reason. Limited in length, no control
/// characters, and no personal data (R-SEC-1, <see cref="PersonalDataGuard"/>).
/// </summary>
public static class PlaceRequestNote
{
    public const int MaxLength = 300;

    /// <summary>The trimmed note (null when empty); throws <see cref="DomainValidationException"/> with a German message.</summary>
    public static string? Normalize(string? note, DateOnly today) => Normalize(note, today, "Note", "Notiz");

    /// <summary>The trimmed decline reason (null when empty), under the same rules as the note.</summary>
    public static string? NormalizeDeclineReason(string? reason, DateOnly today) =>
        Normalize(reason, today, "Reason", "Begründung der Ablehnung");

    private static string? Normalize(string? text, DateOnly today, string field, string label)
    {
        var n = text?.Trim();
        if (string.IsNullOrEmpty(n)) return null;
        if (n.Length > MaxLength)
            throw new DomainValidationException(field, $"Das Feld „{label}“ ist zu lang (höchstens {MaxLength} Zeichen).");
        if (n.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            throw new DomainValidationException(field, $"Das Feld „{label}“ enthält unzulässige Steuerzeichen.");
        PersonalDataGuard.Check(field, label, n, today);
        return n;
    }
}
