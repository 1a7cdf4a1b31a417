namespace TeamsAmdl.Cards;

// German texts of the weekly Maßnahmeinfo: the Betreuer's input card and the digest (R-INFO-1…3).
public static partial class CardTexts
{
    public static class WeeklyInput
    {
        public static string FallbackText(string weekLabel) => $"Wochenmeldung {weekLabel}: Bitte bestätigen oder korrigieren Sie die Zahlen Ihrer Maßnahmen.";
        public static string Title(string weekLabel) => $"Wochenmeldung {weekLabel}";
        public static string ReminderTitle(string weekLabel) => $"Erinnerung: Wochenmeldung {weekLabel}";
        public static string Greeting(string name) => $"Hallo {name},";

        public static string Intro(DateOnly monday, DateOnly sunday) =>
            $"für die Maßnahmeinfo der Woche vom {Common.Date(monday)} bis {Common.Date(sunday)} brauchen wir Ihre Angaben. " +
            "Die Zahlen sind aus dem System vorausgefüllt: Bitte bestätigen oder korrigieren Sie sie und ergänzen Sie Bemerkungen.";

        public const string ReminderIntro =
            "Ihre Angaben für diese Woche fehlen noch. Die Koordination stellt daraus die wöchentliche Maßnahmeinfo zusammen.";

        public const string FreePlacesHint =
            "Freie Plätze berechnet die App aus Plätzen, Belegung und Reservierungen. Bemerkungen bitte ohne Namen oder andere Daten von Kundinnen und Kunden.";

        public static string Part(int number, int count) => $"Teil {number} von {count}";
        public static string Subtitle(string number, string kind, string traeger, string location) => $"{number} · {kind} · {traeger}, {location}";

        public const string SystemLabel = "Laut System";

        public static string SystemValue(int occupied, int capacity, int free, DateOnly? next, bool intakeOpen)
        {
            var entry = intakeOpen
                ? next is { } d ? $"nächster Einstieg {Common.Date(d)}" : "kein Einstiegstermin"
                : "keine Aufnahme mehr";
            var places = capacity == 1 ? "1 Platz" : $"{Common.Number(capacity)} Plätzen";
            return $"{Common.Number(occupied)} von {places} belegt · {Common.Number(free)} frei · {entry}";
        }

        public const string AlreadySubmitted = "Bereits übermittelt – Sie können Ihre Angaben hier noch ändern.";

        public static string OccupiedLabel(int capacity) => $"Belegte Plätze (von {Common.Number(capacity)})";
        public static string OccupiedError(int capacity) => $"Bitte eine Zahl von 0 bis {Common.Number(capacity)} eingeben.";
        public const string NextEntryLabel = "Nächster Einstieg";
        public const string NextEntryGridHint = "DIA-AM: nur an den 14-tägigen Einstiegsterminen.";
        public const string IntakeClosed = "Keine Aufnahme mehr möglich – kein Einstiegstermin nötig.";
        public const string RemarksLabel = "Bemerkungen (ohne Kundendaten)";
        public const string RemarksPlaceholder = "z. B. Trägerwechsel, Ausfall, besondere Zielgruppe";

        public const string Submit = "Angaben senden";

        public const string FixErrors = "Bitte prüfen Sie die markierten Angaben; es wurde noch nichts gespeichert.";
    }

    public static class WeeklyInputDone
    {
        public static string FallbackText(string weekLabel) => $"Ihre Wochenmeldung {weekLabel} ist eingegangen.";
        public static string Title(string weekLabel) => $"Wochenmeldung {weekLabel} eingegangen";
        public static string Thanks(string name) => $"Danke, {name}! Die Koordination sieht Ihre Angaben jetzt in der Maßnahmeinfo.";
        public static string SubmittedAt(DateTimeOffset at) => $"Übermittelt am {Common.DateTimeForClient(at)}";

        public const string ColumnMeasure = "Maßnahme";
        public const string ColumnOccupied = "Belegt";
        public const string ColumnFree = "Frei";
        public const string ColumnNextEntry = "Nächster Einstieg";
        public const string ColumnState = "Angabe";

        public const string Confirmed = "bestätigt";
        public const string Corrected = "korrigiert";

        public static string Occupied(int occupied, int capacity) => $"{Common.Number(occupied)}/{Common.Number(capacity)}";

        public const string Change = "Angaben ändern";
    }

    public static class Digest
    {
        public static string Title(string weekLabel) => $"Maßnahmeinfo {weekLabel}";
        public static string FallbackText(string weekLabel, int part, int parts) =>
            parts > 1 ? $"Maßnahmeinfo {weekLabel} (Teil {part} von {parts})" : $"Maßnahmeinfo {weekLabel}";

        public static string Subtitle(DateOnly monday, DateOnly sunday, string publishedBy) =>
            $"Woche vom {Common.Date(monday)} bis {Common.Date(sunday)} · veröffentlicht von {publishedBy}";

        public const string PreviewBadge = "Vorschau – noch nicht veröffentlicht";
        public static string PreviewPublished(DateTimeOffset at) => $"Vorschau – veröffentlicht am {Common.DateTimeForClient(at)}";
        public static string Correction(DateTimeOffset earlier) => $"Korrektur: ersetzt die Maßnahmeinfo vom {Common.DateTimeForClient(earlier)}";
        public static string Part(int part, int parts) => $"Teil {part} von {parts}";
        public static string PublishedAt(DateTimeOffset at) => $"Stand {Common.DateTimeForClient(at)}";

        public static string SummaryMeasures(int count) => count == 1 ? "1 Maßnahme" : $"{Common.Number(count)} Maßnahmen";

        public static string SummaryFree(int freePlaces, int measures) =>
            $"{(freePlaces == 1 ? "1 freier Platz" : $"{Common.Number(freePlaces)} freie Plätze")} in {(measures == 1 ? "1 Maßnahme" : $"{Common.Number(measures)} Maßnahmen")}";

        public static string SummarySoon(int count, int days) =>
            $"{(count == 1 ? "1 Einstiegstermin" : $"{Common.Number(count)} Einstiegstermine")} in den nächsten {days} Tagen";

        public static string SummaryMissing(int count) =>
            count == 1 ? "1 Maßnahme ohne Wochenmeldung (Systemwerte)" : $"{Common.Number(count)} Maßnahmen ohne Wochenmeldung (Systemwerte)";

        public static string SectionContinued(string heading) => $"{heading} (Fortsetzung)";

        public const string ColumnMeasure = "Maßnahme";
        public const string ColumnPlaces = "Frei · belegt";
        public const string ColumnNextEntry = "Nächster Einstieg";
        public const string ColumnRemarks = "Bemerkung";

        public static string Places(int free, int occupied, int capacity) =>
            $"{Common.Number(free)} frei · {Common.Number(occupied)}/{Common.Number(capacity)}";

        public static string RowDetail(string number, string traeger, string location) => $"{number} · {traeger}, {location}";
        public const string SystemValues = "Systemwerte, keine Wochenmeldung";
        public const string NoEntry = "–";

        public static string Hidden(int count) =>
            count == 1
                ? "Außerdem 1 Maßnahme ohne freie Plätze, ohne baldigen Einstieg und ohne Bemerkung (vollständig im Tab)."
                : $"Außerdem {Common.Number(count)} Maßnahmen ohne freie Plätze, ohne baldigen Einstieg und ohne Bemerkung (vollständig im Tab).";

        public static string Condensed(int maxMessages) =>
            $"Gekürzte Fassung: Die vollständige Maßnahmeinfo wäre länger als {maxMessages} Nachrichten. Hier stehen alle Maßnahmen mit freien Plätzen, baldigen Einstiegen, Bemerkungen oder fehlender Meldung; die übrigen sind je Gruppe gezählt.";

        // Personal digest (1:1, issue 14): no table, two short lines per measure (no markdown: every client shows the same).
        public static string PersonalRowTitle(string title, int free, int occupied, int capacity) =>
            $"{title} · {Common.Number(free)} frei ({Common.Number(occupied)}/{Common.Number(capacity)})";

        public static string PersonalRowDetail(string number, string traeger, string location, DateOnly? next, bool soon, string? remarks, bool systemValues)
        {
            var entry = next is { } d ? soon ? $"Einstieg bald: {Common.Date(d)}" : $"Einstieg {Common.Date(d)}" : "kein Einstiegstermin";
            var text = $"{number} · {traeger}, {location} · {entry}";
            if (systemValues) text += " · " + SystemValues;
            return string.IsNullOrWhiteSpace(remarks) ? text : $"{text} · Bemerkung: {remarks}";
        }

        public static string PersonalMineHeading(string audience) => $"Ihre Maßnahmen ({audience}) mit freien Plätzen";
        public const string PersonalMineNoneFree = "Keine Ihrer Maßnahmen hat in dieser Woche freie Plätze.";
        public const string PersonalOtherHeading = "Weitere Maßnahmen mit freien Plätzen";

        public static string PersonalFullLine(IReadOnlyList<string> numbers, int maxListed) =>
            numbers.Count == 0 ? ""
            : numbers.Count <= maxListed
                ? $"Voll (keine freien Plätze): {string.Join(", ", numbers)}"
                : $"Voll (keine freien Plätze): {Common.Number(numbers.Count)} Maßnahmen";

        public static string PersonalSummaryMine(string audience, int measures, int withFree, int freePlaces) =>
            $"Ihre Auswahl ({audience}): {SummaryMeasures(measures)}, davon {Common.Number(withFree)} mit {(freePlaces == 1 ? "1 freien Platz" : $"{Common.Number(freePlaces)} freien Plätzen")}";

        public static string PersonalSummaryAll(int measures, int withFree, int freePlaces) =>
            $"Insgesamt {SummaryMeasures(measures)}, {Common.Number(withFree)} mit freien Plätzen ({Common.Number(freePlaces)} Plätze)";

        public static string PersonalFooter(int mineLeftOut, int otherFreeLeftOut, int otherFull)
        {
            var parts = new List<string>();
            if (mineLeftOut > 0) parts.Add($"{Common.Number(mineLeftOut)} Ihrer Maßnahmen mit freien Plätzen");
            if (otherFreeLeftOut > 0) parts.Add($"{Common.Number(otherFreeLeftOut)} weitere Maßnahmen mit freien Plätzen");
            if (otherFull > 0) parts.Add($"{Common.Number(otherFull)} weitere Maßnahmen ohne freie Plätze");
            return parts.Count == 0
                ? "Die vollständige Tabelle aller Maßnahmen steht im Tab und im PDF."
                : $"Nicht in dieser Nachricht: {string.Join(", ", parts)}. Die vollständige Tabelle steht im Tab und im PDF.";
        }

        public const string Empty = "In dieser Woche läuft keine Maßnahme.";
        public const string OpenTab = "Im Tab öffnen";
    }
}
