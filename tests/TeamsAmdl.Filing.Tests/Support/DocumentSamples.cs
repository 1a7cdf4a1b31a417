using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Filing.Tests.Support;

/// <summary>Fixed inputs for the document golden tests (fictional Jobcenter Musterstadt data).</summary>
public static class DocumentSamples
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static BewertungsbogenInput Bewertungsbogen() => new(
        "962-U-2026-0301", "Berufliche Orientierung für Jugendliche", "Bildungswerk Nord gGmbH", "Lieferantenbewertung", "3. Quartal 2026",
        "Petra Sommer (Bewerterin)", Today,
        [
            new("Hard Facts", "Personalschlüssel laut Angebot eingehalten", "erfüllt"),
            new("Hard Facts", "Anwesenheitslisten vollständig und fristgerecht übermittelt", "teilweise erfüllt (2 von 3 Monaten)", Auffaellig: true),
            new("Hard Facts", "Räumlichkeiten entsprechen der Leistungsbeschreibung", "erfüllt"),
            new("Soft Facts", "Erreichbarkeit der Ansprechpersonen", "gut"),
            new("Soft Facts", "Qualität der Förderplanung", "ausreichend", Auffaellig: true),
        ],
        Auffaellig: true,
        Begruendung: "Die Anwesenheitslisten für August fehlten bis zur Erinnerung am 15.09.2026; zwei Förderpläne waren nicht fortgeschrieben.",
        Empfehlung: "Mängelanzeige mit Frist zur Stellungnahme; Nachprüfung bei der nächsten Vor-Ort-Prüfung.",
        Anmerkungen: "Bewertung mit dem Träger am 20.11.2026 besprochen.");

    public static MassnahmeinfoInput Massnahmeinfo() => new(
        "962-U-2026-0301", "Berufliche Orientierung für Jugendliche", "Bildungswerk Nord gGmbH", "Einkaufsmaßnahme",
        2026, 47, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20), "Anna Weber", "Jonas Becker",
        Kapazitaet: 20, Belegt: 16, Reserviert: 2,
        [
            new("Aus der Betreuung", ["Zwei Teilnehmende haben ein Praktikum im Einzelhandel begonnen.", "Ein Abbruch (Umzug), Platz ab 23.11.2026 frei."]),
            new("Termine", ["Vor-Ort-Prüfung am 02.12.2026, 10:00 Uhr.", "Fallkonferenz am 04.12.2026."]),
            new("Besonderheiten", []),
        ],
        Today);

    public static AuslastungsberichtInput Auslastungsbericht()
    {
        var days = new List<AuslastungsTag>();
        for (var d = new DateOnly(2026, 10, 1); d.Month == 10; d = d.AddDays(1))
        {
            var belegt = 12 + (d.Day * 7 % 6) - (d.Day > 20 ? 3 : 0);
            days.Add(new AuslastungsTag(d, belegt, d.Day % 4 == 0 ? 1 : 0));
        }
        return new AuslastungsberichtInput(
            "962-U-2026-0410", "Unterstützte Beschäftigung Nord", "Lebenshilfe Musterstadt e.V.", "UB/InbeQ", 2026, 10, "Plätze",
            Kapazitaet: 18, Mindestplatzzahl: 12, days, Eintritte: 3, Austritte: 4,
            Hinweis: "Ab dem 21.10.2026 lag die Belegung zeitweise unter der Mindestplatzzahl (Rahmenvertrag § 4).",
            Erstellt: new DateOnly(2026, 11, 2));
    }

    public static MaengelschreibenInput Maengelschreiben() => new(
        "962-U-2026-0301", "Berufliche Orientierung für Jugendliche", "Bildungswerk Nord gGmbH",
        ["z. Hd. Frau Dr. Lena Hoffmann", "Hafenstraße 12", "12345 Musterstadt"],
        "II-45-962-U-2026-0301/MA-07", "Thomas Krüger", "0123 4567-890", "thomas.krueger@jobcenter-musterstadt.example", Today,
        "der Vor-Ort-Prüfung am 12.11.2026",
        [
            new("Die Anwesenheitslisten für August 2026 wurden erst nach Erinnerung übermittelt.", "Leistungsbeschreibung Nr. 5.3", new DateOnly(2026, 12, 5)),
            new("Für zwei Teilnehmende wurden die Förderpläne seit mehr als drei Monaten nicht fortgeschrieben.", "Leistungsbeschreibung Nr. 4.1", new DateOnly(2026, 12, 12)),
            new("Der Gruppenraum 2 war ohne Fluchtwegkennzeichnung.", null, null),
        ],
        Stellungnahmefrist: new DateOnly(2026, 12, 15));
}
