namespace TeamsAmdl.Domain;

/// <summary>
/// R-SEC-1 for the optional note of a place request: free text must not carry customer data. It is limited in
/// length and refused when it contains what looks like a birth date, an e-mail address or a phone number; names
/// cannot be recognised reliably, so the card says not to write them.
/// </summary>
public static partial class PlaceRequestNote
{
    public const int MaxLength = 300;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(\d{2}|\d{4})\b")]
    private static partial System.Text.RegularExpressions.Regex DateLike();

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial System.Text.RegularExpressions.Regex EmailLike();

    [System.Text.RegularExpressions.GeneratedRegex(@"(\+|\b0)\d[\d /-]{6,}\d")]
    private static partial System.Text.RegularExpressions.Regex PhoneLike();

    /// <summary>What a decline reason is called in messages (it is checked like a note, but nobody calls it "Notiz").</summary>
    public const string DeclineReason = "Die Begründung der Absage";

    /// <summary>The trimmed note (null when empty); throws <see cref="DomainValidationException"/> with a German message.</summary>
    /// <param name="subject">How the text is called in the message: "Die Notiz" or <see cref="DeclineReason"/>.</param>
    public static string? Normalize(string? note, string subject = "Die Notiz")
    {
        var n = note?.Trim();
        if (string.IsNullOrEmpty(n)) return null;
        if (n.Length > MaxLength)
            throw new DomainValidationException("Note", $"{subject} ist zu lang (höchstens {MaxLength} Zeichen).");
        if (n.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            throw new DomainValidationException("Note", $"{subject} enthält unzulässige Steuerzeichen.");
        if (DateLike().IsMatch(n) || EmailLike().IsMatch(n) || PhoneLike().IsMatch(n))
            throw new DomainValidationException("Note",
                $"{subject} darf keine personenbezogenen Daten enthalten (Geburtsdaten, E-Mail-Adressen, Telefonnummern, Namen). " +
                "Bitte nur die pseudonyme Kundenreferenz verwenden.");
        return n;
    }
}
