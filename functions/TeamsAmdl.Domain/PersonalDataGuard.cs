using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsAmdl.Domain;

/// <summary>
/// R-SEC-1 for every free text of the product (notes, decline reasons, digest remarks, Begründung/Handlungsempfehlung):
/// customers appear only as a pseudonymous reference, so a text is refused when it looks like it carries a birth
/// date, phone number, e-mail address, street address, BA customer/BG number, social security number or IBAN.
/// Names cannot be recognised reliably; the forms say not to write them.
/// <para>
/// Dates are the hard part: work text is full of them. A date counts as a birth date when a context word
/// (geb., geboren, Geburtsdatum, Geburtstag, Jahrgang, a leading *) stands before it, or when it has a year and lies
/// 14 to 100 years before <c>today</c> (the age of a customer; work dates are near today). Day-month dates without a
/// year ("ab 01.12.") are never refused without a context word.
/// </para>
/// <para>
/// The text is canonicalised first (NFKC, format characters dropped, every dash a hyphen, every space a blank) so that
/// full-width digits, zero-width joiners or non-breaking spaces do not slip past the patterns.
/// </para>
/// </summary>
public static partial class PersonalDataGuard
{
    private const RegexOptions Ci = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const RegexOptions Cs = RegexOptions.CultureInvariant;

    /// <summary>The first kind of personal data found in <paramref name="text"/>, or null when it looks like work text.</summary>
    public static PersonalDataKind? Find(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = Canonical(text);
        if (Email().IsMatch(t)) return PersonalDataKind.EmailAddress;
        if (Iban().IsMatch(t)) return PersonalDataKind.BankAccount;
        if (SocialSecurityNumber().IsMatch(t) || SocialSecurityContext().IsMatch(t)) return PersonalDataKind.SocialSecurityNumber;
        if (CustomerNumber().IsMatch(t) || BgNumber().IsMatch(t) || CustomerNumberContext().IsMatch(t)) return PersonalDataKind.CustomerNumber;
        if (HasBirthDate(t, today)) return PersonalDataKind.BirthDate;
        if (InternationalPhone().IsMatch(t) || NationalPhone().IsMatch(t) || PhoneContext().IsMatch(t)) return PersonalDataKind.PhoneNumber;
        if (HasStreetAddress(t)) return PersonalDataKind.StreetAddress;
        return null;
    }

    /// <summary>
    /// The German refusal for a text of the field <paramref name="label"/> (e.g. "Notiz"), or null when it is fine. It names
    /// the kind found but never echoes the data.
    /// </summary>
    public static string? Refusal(string label, string? text, DateOnly today) =>
        Find(text, today) is { } kind ? Message(label, kind) : null;

    /// <summary>Throws <see cref="DomainValidationException"/> (field <paramref name="field"/>) when the text carries personal data.</summary>
    public static void Check(string field, string label, string? text, DateOnly today)
    {
        if (Refusal(label, text, today) is { } message) throw new DomainValidationException(field, message);
    }

    public static string Message(string label, PersonalDataKind kind) =>
        $"Im Feld „{label}“ steht etwas, das wie {kind.German()} aussieht. Bitte keine personenbezogenen Daten eintragen " +
        "(Geburtsdaten, Telefonnummern, E-Mail-Adressen, Anschriften, Kundennummern, Namen); nur die pseudonyme Kundenreferenz verwenden.";

    private static string Canonical(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format: break; // zero-width space/joiner, soft hyphen
                case UnicodeCategory.DashPunctuation: sb.Append('-'); break;
                default: sb.Append(char.IsWhiteSpace(c) ? ' ' : c); break;
            }
        }
        return sb.ToString();
    }

    // ---- e-mail, IBAN, social security and customer numbers: shapes that work text does not have ----

    [GeneratedRegex(@"[\p{L}\d._%+-]+(?:@|\s?[(\[{]at[)\]}]\s?)[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}", Ci)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:DE|AT|CH|LI|LU|NL|BE|FR|IT|ES|PL)\d{2}(?:\s?[A-Z\d]{4}){3,7}(?:\s?[A-Z\d]{1,3})?(?![\p{L}\d])", Cs)]
    private static partial Regex Iban();

    // Area (2) + birth date (6) + initial + serial and check digit (3), e.g. "65 170839 J 003".
    [GeneratedRegex(@"(?<![\p{L}\d])\d{2}\s?\d{6}\s?[A-Z]\s?\d{3}(?![\p{L}\d])", Ci)]
    private static partial Regex SocialSecurityNumber();

    [GeneratedRegex(@"(?<!\p{L})(?:sv|rv|sozialversicherungs|rentenversicherungs|versicherungs)\s?-?\s?(?:nr|nummer)\b\.?:?\s{0,3}\d", Ci)]
    private static partial Regex SocialSecurityContext();

    // BA Kundennummer: 3 digits, a letter, 6 digits ("123A456789"), blanks tolerated.
    [GeneratedRegex(@"(?<![\p{L}\d])\d{3}\s?[A-Z]\s?\d{6}(?![\p{L}\d])", Ci)]
    private static partial Regex CustomerNumber();

    // Bedarfsgemeinschaft: 5 digits, "BG" or "//", 7 digits.
    [GeneratedRegex(@"(?<![\p{L}\d])\d{5}\s?(?:BG|//)\s?\d{7}(?![\p{L}\d])", Ci)]
    private static partial Regex BgNumber();

    [GeneratedRegex(@"(?<!\p{L})(?:kd|kunden|bg|bedarfsgemeinschafts)\.?\s?-?\s?(?:nr|nummer)\b\.?:?\s{0,3}[\p{L}/ -]{0,4}\d", Ci)]
    private static partial Regex CustomerNumberContext();

    // ---- birth dates ----

    // A blank before the year only with four digits: "Am 3.2. 10 Plätze frei" is no date of 2010.
    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\s?[./-]\s?(?<m>\d{1,2})(?:\s?[./-]\s?(?<y>\d{4})|[./-](?<y>\d{2}))(?!\.?\d)", Cs)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![\d.-])(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)", Cs)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.?\s?(?<mon>januar|jänner|jan|februar|feb|märz|maerz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez)\b\.?\s?(?<y>\d{4})(?!\d)", Ci)]
    private static partial Regex TextualDate();

    // A context word and, within 30 characters, a digit: "geb. 1990-03-01", "geboren am 1. März", "Geb.-Datum: 3/79".
    [GeneratedRegex(@"(?<!\p{L})(?:geb\.|geb\b|geboren|geburtsdatum|geburtstag|geburtsjahr|geburtsort)[^\d]{0,30}\d", Ci)]
    private static partial Regex BirthContext();

    // "*1.2.90", "(*15.07.1968)", "* 1990", "*3. Mai 1979".
    [GeneratedRegex(@"(?<![\p{L}\d])\*\s?(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}|(?:19|20)\d{2}\b|\d{1,2}\.?\s?\p{L}{3,}\.?\s?\d{2,4})", Cs)]
    private static partial Regex BirthStar();

    [GeneratedRegex(@"(?<!\p{L})(?:jahrgang|jg\.)\s?(?<y>\d{4}|\d{2})(?!\d)", Ci)]
    private static partial Regex Jahrgang();

    private static bool HasBirthDate(string t, DateOnly today)
    {
        if (BirthContext().IsMatch(t) || BirthStar().IsMatch(t)) return true;
        foreach (Match m in Jahrgang().Matches(t))
        {
            var year = Year(m.Groups["y"].Value, today);
            if (year <= today.Year - 14 && year >= today.Year - 100) return true;
        }
        foreach (var regex in new[] { NumericDate(), IsoDate(), TextualDate() })
        {
            foreach (Match m in regex.Matches(t))
            {
                if (DateOf(m, today) is { } date && date <= today.AddYears(-14) && date >= today.AddYears(-100)) return true;
            }
        }
        return false;
    }

    private static DateOnly? DateOf(Match m, DateOnly today)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = m.Groups["mon"].Success ? MonthOf(m.Groups["mon"].Value) : int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = Year(m.Groups["y"].Value, today);
        return month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>Two-digit years up to five years ahead are this century ("27" → 2027), the rest the last ("90" → 1990).</summary>
    private static int Year(string y, DateOnly today)
    {
        var n = int.Parse(y, CultureInfo.InvariantCulture);
        if (y.Length > 2) return n;
        return 2000 + n <= today.Year + 5 ? 2000 + n : 1900 + n;
    }

    private static int MonthOf(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" or "jän" => 1, "feb" => 2, "mär" or "mae" or "mrz" => 3, "apr" => 4, "mai" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "okt" => 10, "nov" => 11, "dez" => 12, _ => 0,
    };

    // ---- phone numbers ----

    // "+49 (171) 123 45 67", "0049 30 1234567", "+49 (0)171 1234567".
    [GeneratedRegex(@"(?<![\w+])(?:\+|00)\s?\d{2,3}(?:\s?\(0\))?(?:[\s()/-]{0,3}\d){6,}", Cs)]
    private static partial Regex InternationalPhone();

    // "0171/1234567", "030 12345678", "(0171) 1234567", "0171 123 45 67"; a leading 0, an area code and ≥ 5 more digits.
    // Dots are no separator here, so that "07.12.2026" stays a date.
    [GeneratedRegex(@"(?<![\w+.,/-])\(?0\d{2,5}\)?(?:[\s/-]{0,3}\d){5,}", Cs)]
    private static partial Regex NationalPhone();

    // "Tel. 0 30 / 123 45 67", "Telefon 12345678", "erreichbar unter …": a context word and ≥ 5 digits ("Tel. Sprechzeit" passes).
    [GeneratedRegex(@"(?<!\p{L})(?:tel|telefon|telefonnummer|tel\.?-?nr|rufnummer|handy|handynummer|mobil|mobilnummer|mobiltelefon|festnetz|fax|whatsapp|erreichbar unter|rückruf unter)\b\.?:?\s{0,3}(?:nr\.?:?\s?)?\+?(?:[\s()/-]{0,3}\d){5,}", Ci)]
    private static partial Regex PhoneContext();

    // ---- street addresses ----

    // What may follow a number that is not a house number ("Platz 2 frei" is no address, nor "Am Montag 3 Plätze").
    private const string NotHouseNumber = @"(?![\d%/]|[.,:]\d|\p{L}{2}|\s?(?i:plätze|platz|uhr|std|stunden|tage|wochen|monate|jahre|min|km|personen|teilnehm|tn\b|mal\b|x\b|%|€|euro|eintritt|austritt|abbr|anfrage|neue|freie|von\b|bis\b))";

    // "Hauptstr. 5", "Musterweg 12a", "Lindenallee 7", "Marktplatz 3-5": a compound ending in a street word.
    [GeneratedRegex(@"(?<!\p{L})(?<word>\p{L}{2,}?(?<suffix>straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad|markt|graben|stieg|promenade))\s?\d{1,3}(?:\s?[a-z])?(?:\s?-\s?\d{1,3})?" + NotHouseNumber, Ci)]
    private static partial Regex CompoundStreet();

    // "Berliner Str. 12", "Lange Gasse 4".
    [GeneratedRegex(@"(?<!\p{L})\p{Lu}\p{Ll}+(?:er|e|es)\s(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Damm|Gasse|Ufer|Chaussee|Markt|Steig|Pfad)\s?\d{1,3}(?:\s?[a-z])?" + NotHouseNumber, Cs)]
    private static partial Regex TwoWordStreet();

    // "Am Markt 3", "An der Kirche 5", "Im Winkel 4", "Zum Hafen 2".
    [GeneratedRegex(@"(?<!\p{L})(?:Am|Im|Beim|Zum|Zur|An der|An den|An dem|Auf der|Auf dem|Auf den|In der|In den|Unter den|Hinter der|Hinter dem|Vor dem|Vor der|Bei der|Alte|Alter|Neue|Neuer)\s(?<noun>\p{Lu}\p{L}{2,})\s\d{1,3}(?:\s?[a-z])?" + NotHouseNumber, Cs)]
    private static partial Regex PrepositionStreet();

    [GeneratedRegex(@"(?<!\p{L})(?:wohnt|wohnhaft|wohnort|wohnanschrift|meldeanschrift|meldeadresse|wohnadresse|privatanschrift|postanschrift|anschrift|adresse|hausnr|hausnummer|plz|postleitzahl)\b[^\d]{0,40}\d", Ci)]
    private static partial Regex AddressContext();

    // Compounds of work words that end like a street: "Ausbildungsplatz 2", "Arbeitsmarkt 3", "Bildungsweg 2", "Berufseinstieg 2".
    private static readonly string[] WorkCompoundPrefixes =
    [
        "arbeits", "ausbildungs", "praktikums", "maßnahme", "maßnahmen", "teilnehmer", "teilnahme", "sitz", "stell", "stellen",
        "warte", "studien", "schul", "schulungs", "umschulungs", "kita", "betreuungs", "frei", "wunsch", "ersatz", "reserve",
        "übungs", "test", "förder", "lehr", "einsatz", "bildungs", "lösungs", "dienst", "rechts", "lebens", "werde", "rück", "um",
        "fahr", "fahrts", "heim", "integrations", "beschäftigungs", "job", "wochen", "park", "lern", "ein", "aus", "wieder", "quer",
        "berufsein", "wiederein", "querein",
    ];

    // Nouns after "Am/Im/Zum …" that are time or place-in-building words, not streets ("Am Montag 3", "Im Raum 2").
    private static readonly string[] NonStreetNouns =
    [
        "tag", "woche", "wochenende", "monat", "jahr", "quartal", "januar", "februar", "märz", "april", "mai", "juni", "juli",
        "august", "september", "oktober", "november", "dezember", "morgen", "mittag", "abend", "frühjahr", "sommer", "herbst",
        "winter", "raum", "zimmer", "haus", "gebäude", "büro", "stock", "geschoss", "kurs", "modul", "block", "team", "termin",
        "schnitt", "moment", "rahmen", "umfang", "bereich", "schritt", "abschnitt", "teil", "gruppe", "lehrgang", "semester",
        "anschluss", "auftrag", "vergleich", "wechsel", "turnus", "plan", "vertrag", "start", "beginn", "ende", "zeitpunkt",
        "stand", "level", "niveau", "kapitel", "punkt", "fall", "durchgang", "zeitraum", "mittel", "ganzen", "los", "standort",
    ];

    private static bool HasStreetAddress(string t)
    {
        if (AddressContext().IsMatch(t) || TwoWordStreet().IsMatch(t)) return true;
        foreach (Match m in CompoundStreet().Matches(t))
        {
            var word = m.Groups["word"].Value.ToLowerInvariant();
            var prefix = word[..^m.Groups["suffix"].Length];
            // Short prefixes only as they are ("Ausstieg", not "Rathausplatz"), longer ones also at the end ("Berufsbildungsweg").
            if (!WorkCompoundPrefixes.Any(p => p.Length < 4 ? prefix == p : prefix.EndsWith(p, StringComparison.Ordinal))) return true;
        }
        foreach (Match m in PrepositionStreet().Matches(t))
        {
            var noun = m.Groups["noun"].Value;
            if (!NonStreetNouns.Any(n => noun.EndsWith(n, StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }
}
