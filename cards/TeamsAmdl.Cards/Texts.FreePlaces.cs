namespace TeamsAmdl.Cards;

public static partial class CardTexts
{
    /// <summary>Free-place alerts, place requests and decisions (R-FREE-1…3).</summary>
    public static class FreePlaces
    {
        public static string FallbackText(int measures, int free) =>
            measures == 1 ? $"Freie Plätze: {Common.Number(free)} – jetzt in Teams anfragen." : $"Freie Plätze in {Common.Number(measures)} Maßnahmen.";

        public static string Heading(string title) => $"Freie Plätze: {title}";
        public static string BundleHeading(int measures) => $"Freie Plätze in {Common.Number(measures)} Maßnahmen";
        public static string Subtitle(string number, string kind) => $"Maßnahme {number} · {kind}";
        public static string LeftOut(int count) =>
            count == 1 ? "Eine weitere Maßnahme hat freie Plätze; sie erscheint in der nächsten Benachrichtigung." :
                $"{Common.Number(count)} weitere Maßnahmen haben freie Plätze; sie erscheinen in der nächsten Benachrichtigung.";

        public static string FreeLabel(int free) => free == 1 ? "freier Platz" : "freie Plätze";
        public const string NoPlaceFree = "Kein Platz mehr frei";
        public const string NoPlaceFreeDetail = "Alle Plätze sind vergeben oder angefragt. Mit „Platz anfragen“ kommt Ihre Anfrage auf die Warteliste, die den nächsten freien Platz zuerst bekommt.";
        public const string IntakeClosed = "Keine Aufnahme mehr möglich";

        public static string EntryDetail(DateOnly? entry, DateOnly? deadline)
        {
            var first = entry is { } e ? $"Eintritt ab {Common.Date(e)}" : "kein Eintrittstermin mehr";
            return deadline is { } d ? $"{first} · Aufnahme bis {Common.Date(d)}" : first;
        }

        public const string Traeger = "Träger";
        public const string Location = "Ort";
        public const string NextEntry = "Nächster Eintritt";
        public const string IntakeDeadline = "Aufnahmefrist";
        public const string TargetGroup = "Zielgruppe";
        public const string Betreuer = "Betreuer:in";
        public const string MyRequest = "Ihre Anfrage";
        public const string Muted = "Stummgeschaltet";
        public const string MutedValue = "Sie erhalten für diese Maßnahme keine Benachrichtigungen.";

        public static string Contact(string? name, string? email) =>
            string.IsNullOrWhiteSpace(name) ? Common.NotSet
            : string.IsNullOrWhiteSpace(email) ? name.Trim() : $"{name.Trim()} ({email.Trim()})";

        // Details
        public const string Number = "Maßnahmenummer";
        public const string LegalBasis = "Rechtsgrundlage";
        public const string Period = "Laufzeit";
        public const string Capacity = "Plätze";
        public const string Occupied = "Belegt";
        public const string Held = "Angefragt/reserviert";
        public const string Waiting = "Warteliste";
        public const string RemainingTm = "Verbleibendes TM-Kontingent";
        public static string PeriodValue(DateOnly start, DateOnly end) => $"{Common.Date(start)} – {Common.Date(end)}";
        public static string WaitingValue(int count) => count == 0 ? "leer" : count == 1 ? "1 Anfrage" : $"{Common.Number(count)} Anfragen";
        public static string Tm(decimal tm) => $"{tm.ToString("0.##", DecimalComma)} TM";

        private static readonly System.Globalization.NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

        // Actions
        public const string Request = "Platz anfragen";
        public const string SendRequest = "Anfrage senden";
        public const string Details = "Details";
        public const string LessDetails = "Weniger anzeigen";
        public const string Mute = "Stummschalten";
        public const string MuteSelected = "Auswahl stummschalten";
        public const string Unmute = "Stummschaltung aufheben";
        public const string ShowFreePlaces = "Freie Plätze anzeigen";

        // Request form
        public const string MeasureChoiceLabel = "Maßnahme";
        public const string MeasureChoiceError = "Bitte wählen Sie eine Maßnahme.";
        public const string CustomerRefLabel = "Kundenreferenz (pseudonym)";
        public const string CustomerRefPlaceholder = "z. B. TN-4711-AB";
        public const string CustomerRefError = "Bitte nur die pseudonyme Kundenreferenz: Buchstaben, Ziffern und Bindestriche, mindestens zwei Ziffern.";
        public const string NoteLabel = "Notiz (optional)";
        public const string NotePlaceholder = "z. B. Eintritt frühestens nächste Woche";
        public const string PrivacyHint = "Datenschutz: keine Namen, Geburtsdaten, Adressen oder Gesundheitsdaten eingeben – nur die Kundenreferenz, die Sie in Ihren Systemen auflösen.";
        public const string MuteChoiceLabel = "Maßnahmen stummschalten";
        public const string MuteChoiceError = "Bitte wählen Sie mindestens eine Maßnahme.";

        // Banners (caller composes)
        public static string MutedBanner(string number) => $"Benachrichtigungen für Maßnahme {number} sind stummgeschaltet.";
        public static string MutedBannerMany(int count) => $"Benachrichtigungen für {Common.Number(count)} Maßnahmen sind stummgeschaltet.";
        public static string UnmutedBanner(string number) => $"Sie erhalten wieder Benachrichtigungen für Maßnahme {number}.";
        public const string LiveHint = "Die Zahlen sind aktuell: Teams lädt sie beim Öffnen der Karte neu.";
    }

    /// <summary>The IFK's view of their request and the Betreuer's decision card.</summary>
    public static class PlaceRequest
    {
        public static string FallbackText(string customerRef, string number) => $"Platzanfrage für {customerRef} in Maßnahme {number}";
        public static string Heading(string title) => $"Platzanfrage: {title}";
        public const string Customer = "Kundenreferenz";
        public const string Note = "Notiz";
        public const string EntryDate = "Eintritt ab";
        public const string RequestedBy = "Angefragt von";
        public const string RequestedAt = "Angefragt am";
        public const string FreeNow = "Jetzt frei";
        public const string FromWaitlist = "Aus der Warteliste nachgerückt";
        public const string Status = "Status";

        public static string StatusHeadline(PlaceRequestState state) => state switch
        {
            PlaceRequestState.Pending => "Anfrage gesendet – Platz vorgemerkt",
            PlaceRequestState.Confirmed => "Platz bestätigt",
            PlaceRequestState.Declined => "Anfrage abgelehnt",
            PlaceRequestState.Withdrawn => "Anfrage zurückgezogen",
            PlaceRequestState.Refused => "Kein Platz mehr frei",
            PlaceRequestState.Waitlisted => "Auf der Warteliste",
            _ => state.ToString(),
        };

        public static string StatusText(PlaceRequestState state, string customerRef, string? decider, DateOnly? entry, string? reason,
            int? position, bool fromWaitlist) => state switch
        {
            PlaceRequestState.Pending => (fromWaitlist ? $"Aus der Warteliste ist ein Platz für {customerRef} frei geworden und vorgemerkt. " : $"Der Platz ist für {customerRef} vorgemerkt. ")
                                         + $"{Who(decider)} entscheidet über die Anfrage; Sie sehen das Ergebnis hier.",
            PlaceRequestState.Confirmed => entry is { } e
                ? $"{Who(decider)} hat den Platz für {customerRef} bestätigt. Eintritt am {Common.Date(e)}."
                : $"{Who(decider)} hat den Platz für {customerRef} bestätigt.",
            PlaceRequestState.Declined => string.IsNullOrWhiteSpace(reason)
                ? $"{Who(decider)} hat die Anfrage für {customerRef} abgelehnt."
                : $"{Who(decider)} hat die Anfrage für {customerRef} abgelehnt: {reason.Trim()}",
            PlaceRequestState.Withdrawn => $"Die Anfrage für {customerRef} ist zurückgezogen; ein vorgemerkter Platz ist wieder frei.",
            PlaceRequestState.Refused => $"Für {customerRef} ist kein Platz mehr frei: Die Plätze sind vergeben oder angefragt. Es wurde nichts reserviert. " +
                                         "Auf der Warteliste bekommt Ihre Anfrage den nächsten freien Platz, in der Reihenfolge der Anfragen.",
            PlaceRequestState.Waitlisted => position is { } p
                ? $"{customerRef} steht auf Platz {Common.Number(p)} der Warteliste. Sobald ein Platz frei wird, wird er zuerst der Warteliste angeboten."
                : $"{customerRef} steht auf der Warteliste.",
            _ => state.ToString(),
        };

        private static string Who(string? decider) => string.IsNullOrWhiteSpace(decider) ? "Die Maßnahmebetreuung" : decider.Trim();

        public const string Withdraw = "Anfrage zurückziehen";
        public const string LeaveWaitlist = "Von der Warteliste nehmen";
        public const string JoinWaitlist = "Auf die Warteliste";

        // Decision card (Betreuer / Koordinator)
        public static string DecisionHeading(string title) => $"Platzanfrage entscheiden: {title}";
        public static string DecisionSubtitle(string number) => $"Maßnahme {number}";
        public static string DecisionIntro(string ifk, string customerRef) =>
            $"{ifk} fragt einen Platz für {customerRef} an. Der Platz ist bis zu Ihrer Entscheidung vorgemerkt.";
        public const string Confirm = "Bestätigen";
        public const string Decline = "Ablehnen";
        public const string SendDecline = "Ablehnung senden";
        public const string DeclineReasonLabel = "Grund (optional, ohne personenbezogene Daten)";
        public const string DeclineReasonPlaceholder = "z. B. Zielgruppe passt nicht";

        public static string Decided(PlaceRequestState state, string? by, DateTimeOffset? at)
        {
            var what = state switch
            {
                PlaceRequestState.Confirmed => "Bestätigt",
                PlaceRequestState.Declined => "Abgelehnt",
                PlaceRequestState.Withdrawn => "Von der IFK zurückgezogen",
                _ => StatusHeadline(state),
            };
            var who = string.IsNullOrWhiteSpace(by) ? "" : $" von {by.Trim()}";
            return at is { } t ? $"{what}{who} am {Common.DateTimeForClient(t)}." : $"{what}{who}.";
        }
    }
}
