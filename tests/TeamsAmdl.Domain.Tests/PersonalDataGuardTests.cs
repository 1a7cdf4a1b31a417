namespace TeamsAmdl.Domain.Tests;

/// <summary>
/// R-SEC-1 table (issue 12): every string on the refuse list must be refused with its kind, none on the accept list may
/// be. All names, numbers and addresses are made-up placeholders.
/// </summary>
public class PersonalDataGuardTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    public static TheoryData<string, PersonalDataKind> Refused => new()
    {
        // --- birth dates ---
        { "geb. 1990-03-01", PersonalDataKind.BirthDate },                                  // issue: ISO date after "geb."
        { "geboren am 1. März 1990, wohnt Hauptstr. 5", PersonalDataKind.BirthDate },       // issue: month name, first kind wins
        { "Kunde Max Mustermann geb. 01.02.1990", PersonalDataKind.BirthDate },             // issue: the digest remark
        { "01.02.1990", PersonalDataKind.BirthDate },                                       // no context word: 36 years ago
        { "*1.2.90", PersonalDataKind.BirthDate },                                          // genealogical star, two-digit year
        { "Geburtsdatum 1.3.87", PersonalDataKind.BirthDate },                              // context word, short form
        { "geb. 12.03.1987", PersonalDataKind.BirthDate },                                  // the classic
        { "geboren im März 1985", PersonalDataKind.BirthDate },                             // month and year only
        { "Geb.-Datum: 3. Mai 1979", PersonalDataKind.BirthDate },                          // abbreviated context word
        { "Hr. M. (*15.07.1968) kommt ab Montag", PersonalDataKind.BirthDate },             // star in parentheses
        { "geb. am 3.4.2001 in Köln", PersonalDataKind.BirthDate },                         // young adult
        { "Geburtstag 24.12.1975", PersonalDataKind.BirthDate },                            // another context word
        { "Kundin, 14.02.1985, sucht Teilzeit", PersonalDataKind.BirthDate },               // bare date implying age 41
        { "Kundin (Jg. 1970) möchte wechseln", PersonalDataKind.BirthDate },                // Jahrgang
        { "Kunde geboren 1988", PersonalDataKind.BirthDate },                               // year only
        { "1990-03-01", PersonalDataKind.BirthDate },                                       // bare ISO date implying age 36
        { "Kunde *1990 in Berlin", PersonalDataKind.BirthDate },                            // star and year
        // --- phone numbers ---
        { "+49 (171) 123 45 67", PersonalDataKind.PhoneNumber },                            // issue: international, grouped
        { "Handy (0171) 1234567", PersonalDataKind.PhoneNumber },                           // issue: area code in parentheses
        { "0171/1234567", PersonalDataKind.PhoneNumber },                                   // slash notation
        { "030 12345678", PersonalDataKind.PhoneNumber },                                   // landline, DIN 5008
        { "0049 171 1234567", PersonalDataKind.PhoneNumber },                               // 0049 prefix
        { "Tel. 0171 1234567", PersonalDataKind.PhoneNumber },                              // context word and mobile
        { "+49 30 1234567", PersonalDataKind.PhoneNumber },                                 // international landline
        { "Rückruf unter 0171-1234567", PersonalDataKind.PhoneNumber },                     // hyphen notation
        { "Tel.: 0 30 / 123 45 67", PersonalDataKind.PhoneNumber },                         // spaced digits, caught by the context word
        { "Telefon 12345678", PersonalDataKind.PhoneNumber },                               // no leading zero, context word
        { "erreichbar unter 0151 23456789", PersonalDataKind.PhoneNumber },                 // context phrase
        { "Rückruf: +49 171 1234567", PersonalDataKind.PhoneNumber },                       // international mobile
        { "Kontakt über Mobil 0160 9876543", PersonalDataKind.PhoneNumber },                // "Mobil"
        { "Fax 030-1234567", PersonalDataKind.PhoneNumber },                                // fax
        { "+49 (0)171 1234567", PersonalDataKind.PhoneNumber },                             // the (0) of mixed notation
        { "tel.0171123456", PersonalDataKind.PhoneNumber },                                 // no blank at all
        { "Handy 0171\u00A01234567", PersonalDataKind.PhoneNumber },                        // non-breaking space
        { "０１７１ １２３４５６７", PersonalDataKind.PhoneNumber },                              // full-width digits
        // --- e-mail addresses ---
        { "kunde@example.org", PersonalDataKind.EmailAddress },                             // plain
        { "Mail an kunde@example.org", PersonalDataKind.EmailAddress },                     // in a sentence
        { "max.mustermann(at)example.de", PersonalDataKind.EmailAddress },                  // obfuscated
        // --- street addresses ---
        { "wohnt Hauptstr. 5", PersonalDataKind.StreetAddress },                            // issue: context word, abbreviated street
        { "Musterweg 12a", PersonalDataKind.StreetAddress },                                // issue: house number with letter
        { "Am Markt 3", PersonalDataKind.StreetAddress },                                   // issue: preposition street
        { "Berliner Str. 12, 10115 Berlin", PersonalDataKind.StreetAddress },               // two-word street
        { "wohnhaft in der Lindenallee 7", PersonalDataKind.StreetAddress },                // -allee
        { "Adresse: Im Winkel 4, 12345 Musterstadt", PersonalDataKind.StreetAddress },      // context word and "Im …"
        { "An der Kirche 5", PersonalDataKind.StreetAddress },                              // two-word preposition
        { "Marktplatz 3-5", PersonalDataKind.StreetAddress },                               // number range
        { "Hausnr. 5, Lindenstraße", PersonalDataKind.StreetAddress },                      // house number before the street
        { "Schillerplatz 1", PersonalDataKind.StreetAddress },                              // -platz that is a street
        // --- BA customer, BG, social security numbers, IBAN ---
        { "123A456789", PersonalDataKind.CustomerNumber },                                  // issue: Kundennummer shape
        { "Kd-Nr. 123A456789", PersonalDataKind.CustomerNumber },                           // issue: with context
        { "Kundennummer 123 A 456789", PersonalDataKind.CustomerNumber },                   // spaced
        { "Kd.-Nr.: 4711", PersonalDataKind.CustomerNumber },                               // any number after "Kd.-Nr."
        { "Kundennr. 123B654321", PersonalDataKind.CustomerNumber },                        // "Kundennr."
        { "BG-Nr. 12345BG0012345", PersonalDataKind.CustomerNumber },                       // Bedarfsgemeinschaft
        { "SV-Nr. 65 170839 J 003", PersonalDataKind.SocialSecurityNumber },                // social security number
        { "DE89 3704 0044 0532 0130 00", PersonalDataKind.BankAccount },                    // IBAN
    };

    public static TheoryData<string> Accepted => new()
    {
        "Eintritt frühestens ab 07.12.2026",                        // issue: a work date near today
        "Rückruf bis Freitag",                                      // issue: weekday
        "Raum 2.14",                                                // issue: room number with a dot
        "Maßnahme 962-23-0101",                                     // measure number with hyphens
        "Termin am 12.01.2027 um 10:30",                            // appointment
        "3 Plätze frei ab 01.12.",                                  // day-month without year
        "Kalenderwoche 2026-W48 bestätigt",                         // week key
        "Auslastung 85 %",                                          // percentage
        "Kosten 1.234,50 € je Platz",                               // amount
        "Tel. Sprechzeit Mo–Fr",                                    // "Tel." without a number
        "Eintritt frühestens nächste Woche, Teilzeit 30 Std.",      // hours
        "Kundenreferenz TN-4711-AB, Eintritt ab 04.01.2027",        // the pseudonymous reference is allowed
        "Am Montag 3 Plätze frei",                                  // "Am …" + number, but a weekday and places
        "Ausbildungsplatz 2 wird frei",                             // compound ending in -platz
        "Im Raum 3 findet die Gruppe statt",                        // "Im Raum …" is no street
        "Gruppe B: 12 Teilnehmende, 2 Abbrüche",                    // counts
        "Maßnahmeende am 31.03.2027",                               // end date
        "Start 1. März 2027",                                       // month name, future
        "Vertrag seit 01.01.2025 verlängert",                       // past date, but no age
        "Sprechzeiten 9–12 Uhr, Durchwahl 4711",                    // office hours and a staff extension
        "Infotag am 15. Januar, Beginn 9:00 Uhr",                   // month name without year
        "Bitte Rückmeldung an @Koordination im Kanal",              // a Teams mention is no e-mail
        "Version 1.2.3 des Fragebogens",                            // version number
        "Quote 3/4 erfüllt, 0 Abbrüche",                            // fraction
        "Zeitraum 01.01.2026–30.06.2026",                           // date range with en dash
        "Teilnahme 6 Monate, danach Anschluss in 962-24-0007",      // follow-up measure
        "Standort Nord, 2. OG, Zimmer 214",                         // building
        "Kalenderwoche 48/2026",                                    // week with slash
        "Platz 2 frei, Warteliste 0",                               // "Platz 2" is no street
        "Budget 25000 Euro für 2027",                               // five digits and a year
        "Jahrgang 2026 der Umschulung startet",                     // Jahrgang of a course, not of a person
        "Geplante Eintritte: 05.01.2027, 19.01.2027, 02.02.2027",   // DIA-AM entry dates
        "Nächster Einstieg 14-tägig, 3 Plätze",                     // fortnightly
        "Anschrift des Trägers siehe Maßnahmeblatt",                // context word without a number
        "Aktivierung 08:00–12:00, Mittagspause 30 Min.",            // times
        "Abbruchquote 12,5 % im Quartal 4/2026",                    // quarter
        "Teilnehmerin hat Vorstellungsgespräch am 10.12.",          // date without year
        "Verlängerung um 4 Wochen bis 29.01.2027",                  // weeks and date
        "Bitte Fahrtkosten (Ticket 49 €) prüfen",                   // amount
        "Die 2. Gruppe startet am 1.2.27",                          // two-digit year in the future
        "Besprechung im Jobcenter, Haus B, Raum 1.07",              // room with leading zero
        "Zielvereinbarung Nr. 12/2026",                             // numbered agreement
        "Arbeitsmarkt 2026 angespannt",                             // -markt compound and a year
        "Anfahrtsweg 30 Minuten",                                   // -weg compound and minutes
        "Mindestplatzzahl 12, Gesamtplatzzahl 40 (UB/InbeQ)",       // UB figures
        "Stand 03.12.2026, 7 von 12 Plätzen belegt",                // today's stand
        "Am 3.2. 10 Plätze frei",                                   // day-month, then a count: no date of 2010
        "Wir treffen uns Am Bahnhof 2 Stunden früher",              // "Am …" + number + unit
        "Telefonat am 03.12. geführt",                              // "Telefon…" without a number
        "Kd.-Nr. siehe VerBIS",                                     // context word without a number
        "Anschluss in 962-E-2026-0102",                             // measure number with year and letter
        "Maßnahme 962/23/0101",                                     // measure number with slashes
        "Berufseinstieg 2 Gruppen",                                 // compound ending in -stieg
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Personal_data_is_refused_with_its_kind(string text, PersonalDataKind kind) =>
        Assert.Equal(kind, PersonalDataGuard.Find(text, Today));

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Work_text_passes(string text) => Assert.Null(PersonalDataGuard.Find(text, Today));

    [Fact]
    public void The_table_has_at_least_40_rows_each_way_and_no_false_result()
    {
        var falseNegatives = Refused.Cast<object[]>().Select(r => (string)r[0]).Where(t => PersonalDataGuard.Find(t, Today) is null).ToList();
        var falsePositives = Accepted.Cast<object[]>().Select(r => (string)r[0]).Where(t => PersonalDataGuard.Find(t, Today) is not null).ToList();
        Assert.True(Refused.Count >= 40 && Accepted.Count >= 40, $"{Refused.Count} refused, {Accepted.Count} accepted");
        Assert.Empty(falseNegatives);
        Assert.Empty(falsePositives);
    }

    [Fact]
    public void The_message_names_field_and_kind_but_not_the_data()
    {
        var message = PersonalDataGuard.Refusal("Bemerkung", "Kunde Max Mustermann geb. 01.02.1990", Today)!;
        Assert.Contains("„Bemerkung“", message);
        Assert.Contains("Geburtsdatum", message);
        Assert.DoesNotContain("1990", message);
        Assert.DoesNotContain("Mustermann", message);
        var e = Assert.Throws<DomainValidationException>(() => PersonalDataGuard.Check("remarks", "Bemerkung", "0171/1234567", Today));
        Assert.Equal("remarks", e.Field);
        Assert.Contains("Telefonnummer", e.Message);
        Assert.Null(PersonalDataGuard.Refusal("Bemerkung", null, Today));
    }

    [Fact]
    public void A_BA_customer_number_is_no_pseudonymous_reference()
    {
        Assert.True(CustomerReference.IsValid("TN-4711-AB"));
        Assert.False(CustomerReference.IsValid("123A456789"));
        Assert.Throws<DomainValidationException>(() => CustomerReference.Normalize(" 123a456789 "));
    }

    [Fact]
    public void A_bare_date_is_a_birth_date_only_14_to_100_years_before_today()
    {
        Assert.Null(PersonalDataGuard.Find("05.12.2012", Today));                           // 13 years ago: a work date
        Assert.Equal(PersonalDataKind.BirthDate, PersonalDataGuard.Find("04.12.2012", Today)); // exactly 14
        Assert.Equal(PersonalDataKind.BirthDate, PersonalDataGuard.Find("04.12.1926", Today)); // exactly 100
        Assert.Null(PersonalDataGuard.Find("03.12.1926", Today));                           // older: a historic date
        Assert.Null(PersonalDataGuard.Find("31.02.1990", Today));                           // no such day
    }
}
