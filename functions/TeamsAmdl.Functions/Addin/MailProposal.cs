using System.Net.Mail;
using TeamsAmdl.Domain;
using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Addin;

/// <summary>
/// What the add-in proposes for an open mail (issue 18, item 2), pure: the Träger from the sender (the Träger's
/// contact address, else its mail domain when exactly one Träger uses that domain), the measure whose number appears in
/// the subject, the category from words in the subject. Nothing recognised: null, the user chooses.
/// </summary>
public static class MailProposal
{
    /// <summary>Mail domains many senders share: a contact address there identifies its owner only, never a domain.</summary>
    private static readonly HashSet<string> SharedDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "live.com", "live.de",
        "web.de", "gmx.de", "gmx.net", "t-online.de", "yahoo.com", "yahoo.de", "icloud.com", "freenet.de", "posteo.de", "mailbox.org",
    };

    public static (Traeger? Traeger, bool ByAddress) TraegerFor(string? sender, IReadOnlyList<Traeger> traeger)
    {
        var address = Address(sender);
        if (address is null) return (null, false);
        if (traeger.FirstOrDefault(t => string.Equals(Address(t.ContactEmail), address, StringComparison.OrdinalIgnoreCase)) is { } exact)
            return (exact, true);
        var domain = address[(address.IndexOf('@') + 1)..];
        if (SharedDomains.Contains(domain)) return (null, false);
        var byDomain = traeger.Where(t => Address(t.ContactEmail) is { } a && a.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return byDomain.Count == 1 ? (byDomain[0], false) : (null, false);
    }

    /// <summary>The known measure number that occurs in the subject (the longest, if several overlap), or null.</summary>
    public static string? MeasureIn(string? subject, IEnumerable<string> numbers)
    {
        if (string.IsNullOrWhiteSpace(subject)) return null;
        return numbers.Where(n => n.Length > 0 && subject.Contains(n, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Length).FirstOrDefault();
    }

    /// <summary>Words in the subject that name a category; default Maßnahmebetreuung (the day-to-day correspondence).</summary>
    public static FilingCategory CategoryFor(string? subject)
    {
        var s = (subject ?? "").ToLowerInvariant();
        if (Has(s, "mängel", "mangel", "maengel", "mängelanzeige", "stellungnahme")) return FilingCategory.SchriftverkehrMaengel;
        if (Has(s, "fachkundige stelle", "zertifizierung", "azav", "zulassung")) return FilingCategory.SchriftverkehrFachkundigeStelle;
        if (Has(s, "beschwerde", "teilnehmerbefragung", "befragung")) return FilingCategory.TeilnehmerbefragungenBeschwerden;
        if (Has(s, "prüfbericht", "vor-ort", "vor ort", "prüfung")) return FilingCategory.VorOrtBesuchePruefberichte;
        if (Has(s, "auslastung", "anwesenheit")) return FilingCategory.Auslastung;
        return FilingCategory.Massnahmebetreuung;
    }

    private static bool Has(string s, params string[] words) => words.Any(w => s.Contains(w, StringComparison.Ordinal));

    /// <summary>The bare address of "Name &lt;a@b&gt;" or "a@b", lower-case; null if there is none.</summary>
    private static string? Address(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value.Trim(), out var parsed) ? parsed.Address.ToLowerInvariant() : null;
}
