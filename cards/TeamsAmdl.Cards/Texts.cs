using System.Globalization;

namespace TeamsAmdl.Cards;

/// <summary>
/// Every German text the cards show, in one place (wording reviews, later translation). Builders never contain
/// German literals; they call these constants and format functions. Address users formally ("Sie").
/// </summary>
public static partial class CardTexts
{
    /// <summary>Display name of the app in card texts.</summary>
    public const string AppName = "TeamsAmdl";

    public static class Common
    {
        public const string Refresh = "Aktualisieren";
        public const string Retry = "Erneut versuchen";
        public const string NotSet = "nicht festgelegt";
        public const string Dash = "–";

        /// <summary>German date: 01.10.2025.</summary>
        public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        /// <summary>German number with thousands separator: 1.234.</summary>
        public static string Number(int value) => value.ToString("N0", German);

        /// <summary>
        /// Date and time as Adaptive Card functions: the client formats them in the user's time zone and language
        /// (Teams: "01.10.2025, 14:30"). The instant is written in UTC (RFC 3339).
        /// </summary>
        public static string DateTimeForClient(DateTimeOffset instant)
        {
            var utc = instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return $"{{{{DATE({utc}, COMPACT)}}}}, {{{{TIME({utc})}}}} Uhr";
        }

        // German grouping without depending on the ICU data of the machine.
        private static readonly NumberFormatInfo German = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    }

    public static class Welcome
    {
        public const string FallbackText = "Willkommen bei " + AppName + ": Maßnahmen, Träger und freie Plätze direkt in Teams.";
        public const string Title = "Willkommen bei " + AppName + "!";

        public static string Greeting(string? userName) =>
            string.IsNullOrWhiteSpace(userName) ? "Hallo!" : $"Hallo {userName.Trim()}!";

        public const string Intro =
            "Diese App bündelt die Arbeitsmarktdienstleistungen des Jobcenters in Microsoft Teams: " +
            "Maßnahmen, Träger, Kapazitäten und freie Plätze – aktuell und an einem Ort.";

        public const string RolesHeading = "Was die App für Sie tut";

        public const string Bewerter = "Bewerter:innen";
        public const string BewerterText =
            "Bewerten Maßnahmen und Träger mit einheitlichen Bögen und behalten offene Bewertungen im Blick.";

        public const string Ifk = "Integrationsfachkräfte (IFK)";
        public const string IfkText =
            "Finden passende Maßnahmen mit freien Plätzen und dem nächsten Einstiegstermin und melden Teilnehmende an.";

        public const string Koordination = "Koordinator:innen";
        public const string KoordinationText =
            "Pflegen Maßnahmen, Kapazitäten und Betreuung und sehen Belegung und Auslastung auf einen Blick.";

        public const string CommandsHint = "Tipp: Schreiben Sie mir „meine aufgaben“, um Ihre offenen Aufgaben zu sehen, oder „hilfe“ für alle Befehle.";
    }

    public static class PingResult
    {
        public const string FallbackText = "Verbindung steht.";
        public const string Title = "Verbindung steht";
        public const string Text = "Die App hat Ihre Anfrage empfangen und beantwortet.";
        public const string UserLabel = "Angemeldet als";
        public const string TimeLabel = "Zeitpunkt";
        public const string PingAgain = "Erneut testen";
    }

    public static class Error
    {
        public const string FallbackText = "Es ist ein Fehler aufgetreten.";
        public const string Title = "Das hat leider nicht geklappt";
        public const string DefaultMessage =
            "Bei der Bearbeitung ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten erneut.";

        public static string CorrelationId(string id) => $"Fehlerkennung: {id} – bitte bei Rückfragen angeben.";
    }

    public static class Measure
    {
        public static string FallbackText(string number, string title) => $"Maßnahme {number}: {title}";
        public static string Subtitle(string number, string kind) => $"Maßnahme {number} · {kind}";

        public const string Number = "Maßnahmenummer";
        public const string Kind = "Art";
        public const string Traeger = "Träger";
        public const string Location = "Ort";
        public const string Capacity = "Kapazität";
        public const string Occupancy = "Belegung";
        public const string FreePlaces = "Freie Plätze";
        public const string NextEntry = "Nächster Einstieg";
        public const string Betreuer = "Betreuer:in";

        public static string Places(int count) => count == 1 ? "1 Platz" : $"{Common.Number(count)} Plätze";

        public static string OccupancyValue(int occupancy, int capacity) =>
            capacity <= 0
                ? $"{Common.Number(occupancy)} Teilnehmende"
                : $"{Common.Number(occupancy)} Teilnehmende ({(int)Math.Round(occupancy * 100.0 / capacity, MidpointRounding.AwayFromZero)} %)";

        /// <summary>Label next to the big number of the free-places highlight.</summary>
        public static string FreePlacesHighlight(int free) => free == 1 ? "freier Platz" : "freie Plätze";

        public const string NoFreePlaces = "Keine freien Plätze";

        public static string Overbooked(int over) =>
            over == 1 ? "Überbelegt: 1 Teilnahme über der Kapazität" : $"Überbelegt: {Common.Number(over)} Teilnahmen über der Kapazität";

        public static string HighlightDetail(int capacity, DateOnly? nextEntry)
        {
            var ofPlaces = capacity == 1 ? "von 1 Platz" : $"von {Common.Number(capacity)} Plätzen";
            return nextEntry is { } d ? $"{ofPlaces} · nächster Einstieg am {Common.Date(d)}" : ofPlaces;
        }
    }
}
