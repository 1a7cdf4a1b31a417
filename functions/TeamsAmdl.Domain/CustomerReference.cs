using System.Text.RegularExpressions;

namespace TeamsAmdl.Domain;

/// <summary>
/// R-SEC-1: customers appear only as a pseudonymous reference that the IFK resolves in their own systems,
/// e.g. "TN-4711-AB". Upper-case letters, digits and hyphens, 4–24 characters, at least two digits, so that a
/// name ("MUELLER", "Anna Schmidt") or a birth date with dots can never be stored by mistake; the shape of a BA customer
/// number ("123A456789", real customer data) is refused too.
/// </summary>
public static partial class CustomerReference
{
    public const string Pattern = "^[A-Z0-9](?:[A-Z0-9-]{2,22})[A-Z0-9]$";
    public const string Hint = "Bitte nur die pseudonyme Kundenreferenz eingeben (z. B. TN-4711-AB): Großbuchstaben, Ziffern und Bindestriche, keine Namen oder Geburtsdaten.";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("^[0-9]{3}[A-Z][0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex BaCustomerNumber();

    public static bool IsValid(string? value) =>
        value is not null && Shape().IsMatch(value) && value.Count(char.IsAsciiDigit) >= 2 && !BaCustomerNumber().IsMatch(value);

    /// <summary>Trims and upper-cases, then validates; throws with a German message otherwise.</summary>
    public static string Normalize(string? value)
    {
        var v = value?.Trim().ToUpperInvariant();
        if (!IsValid(v))
            throw new DomainValidationException("CustomerRef", "Ungültige Kundenreferenz. " + Hint);
        return v!;
    }
}
