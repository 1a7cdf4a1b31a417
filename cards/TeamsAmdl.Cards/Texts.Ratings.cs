namespace TeamsAmdl.Cards;

public static partial class CardTexts
{
    /// <summary>Texts of the rating questionnaire cards (Lieferantenbewertung, SPEC §5).</summary>
    public static class Ratings
    {
        // ---- common header ----
        public static string Title(string traeger) => $"Trägerbewertung: {traeger}";
        public static string Subtitle(string measureNumber, string measureTitle) => $"Maßnahme {measureNumber} · {measureTitle}";
        public const string Measure = "Maßnahme";
        public const string Traeger = "Träger";
        public const string Kind = "Bewertungsart";
        public const string Deadline = "Frist";
        public const string Assessor = "Bewerter:in";
        public const string Betreuer = "Maßnahmebetreuung";

        public static string DeadlineValue(DateOnly deadline, int daysLeft) => daysLeft switch
        {
            > 1 => $"{Common.Date(deadline)} (noch {daysLeft} Tage)",
            1 => $"{Common.Date(deadline)} (noch 1 Tag)",
            0 => $"{Common.Date(deadline)} (heute)",
            -1 => $"{Common.Date(deadline)} (seit 1 Tag überschritten)",
            _ => $"{Common.Date(deadline)} (seit {-daysLeft} Tagen überschritten)",
        };

        public static string MeasureValue(string number, string title) => $"{number} – {title}";

        // ---- request ----
        public static string RequestFallback(string traeger, DateOnly deadline) =>
            $"Bitte bewerten Sie den Träger {traeger} bis zum {Common.Date(deadline)}.";
        public const string RequestIntro =
            "Sie wurden als Bewerter:in für diese Maßnahme benannt. Bitte beantworten Sie den Fragebogen bis zur Frist.";
        public const string Questionnaire = "Fragebogen";
        public static string QuestionnaireValue(string title, int version) => $"{title} (Version {version})";
        public const string Scope = "Umfang";
        public static string ScopeValue(int questions, int pages) =>
            $"{questions} Fragen auf {pages} {(pages == 1 ? "Seite" : "Seiten")} und eine Zusammenfassung";
        public const string RequestedBy = "Angefordert von";
        public const string Note = "Anlass";
        public static string RuleHint(string threshold) =>
            $"Liegt der Durchschnitt der Hard Facts oder der Soft Facts oder eine einzelne Soft-Facts-Frage unter {threshold}, " +
            "ist die Bewertung „auffällig“: Dann sind zu jedem schlechten Wert eine Begründung und eine Handlungsempfehlung nötig.";
        public const string DraftHint = "Ihre Antworten werden seitenweise gespeichert; Sie können jederzeit später weitermachen.";
        public const string Start = "Bewertung starten";

        // ---- question page ----
        public static string PageFallback(int page, int pages) => $"Trägerbewertung, Seite {page} von {pages}";
        public static string PageOf(int page, int pages, string section, int part, int parts) =>
            parts > 1 ? $"Seite {page} von {pages} · {section} (Teil {part} von {parts})" : $"Seite {page} von {pages} · {section}";
        public static string Progress(int answered, int total) => $"{answered} von {total} Fragen beantwortet";
        public static string ScaleLegend(IEnumerable<(int Value, string? Label)> scale) =>
            "Skala: " + string.Join(", ", scale.Select(s => s.Label is null ? $"{s.Value}" : $"{s.Value} = {s.Label}")) + " (höher ist besser)";
        public static string ScaleChoice(int value, string? label) => label is null ? $"{value}" : $"{value} – {label}";
        public const string ChoicePlaceholder = "Bitte bewerten";
        public static string QuestionLabel(int number, string text) => $"{number}. {text}";
        public static string AnswerRequired(int number) => $"Bitte bewerten Sie Frage {number}.";
        public static string CommentPlaceholder(int number) => $"Anmerkung zu Frage {number} (optional)";
        public const string Back = "Zurück";
        public const string Next = "Speichern und weiter";
        public const string ToSummary = "Speichern und zur Zusammenfassung";
        public const string NotSavedHeading = "Nicht gespeichert – bitte prüfen Sie:";
        public const string ErrorHeading = "Bitte prüfen Sie:";

        // ---- summary ----
        public static string SummaryFallback(string traeger) => $"Trägerbewertung {traeger}: Zusammenfassung";
        public static string SummaryOf(int page, int pages) => $"Seite {page} von {pages} · Zusammenfassung";
        public const string AverageHard = "Durchschnitt Hard Facts";
        public const string AverageSoft = "Durchschnitt Soft Facts";
        public const string ThresholdLabel = "Schwelle „auffällig“";
        public static string ThresholdValue(string threshold) => $"unter {threshold}";
        public const string ResultOk = "Nicht auffällig";
        public const string ResultOkText = "Kein Durchschnitt und keine Soft-Facts-Frage liegt unter der Schwelle. Sie können die Bewertung absenden.";
        public const string ResultAuffaellig = "Auffällig";
        public static string ResultAuffaelligText(int badValues) => badValues == 1
            ? "Für den schlechten Wert sind eine Begründung/Erläuterung und eine Handlungsempfehlung erforderlich."
            : $"Für jeden der {badValues} schlechten Werte sind eine Begründung/Erläuterung und eine Handlungsempfehlung erforderlich.";
        public const string AnswersHeading = "Ihre Antworten";
        public const string QuestionColumn = "Frage";
        public const string ValueColumn = "Bewertung";
        public static string SectionHeader(string section, string average) => $"{section} (Durchschnitt {average})";
        public const string Begruendung = "Begründung/Erläuterung";
        public const string Handlungsempfehlung = "Handlungsempfehlung";
        public const string BegruendungPlaceholder = "Was ist vorgefallen? Woran machen Sie den schlechten Wert fest?";
        public const string EmpfehlungPlaceholder = "Was soll mit dem Träger vereinbart oder unternommen werden?";
        public const string SaveDraft = "Entwurf speichern";
        public const string Submit = "Bewertung absenden";
        public const string DraftSaved = "Entwurf gespeichert. Sie können später weitermachen.";
        public const string Incomplete = "Noch nicht vollständig – bitte zuerst alle Fragen beantworten:";
        public static string IncompletePage(int page, string section, int open) =>
            open == 1 ? $"Seite {page} ({section}): 1 Frage offen" : $"Seite {page} ({section}): {open} Fragen offen";

        public static string BadValueTitle(RatingBadValueKind kind, string value, int? questionNumber, string? questionText) => kind switch
        {
            RatingBadValueKind.HardFactsAverage => $"{AverageHard}: {value}",
            RatingBadValueKind.SoftFactsAverage => $"{AverageSoft}: {value}",
            _ when questionNumber is { } n => $"Frage {n} (Soft Facts): {value} – {questionText}",
            _ => $"Soft Facts „{questionText}“: {value}",
        };

        /// <summary>Short name of a bad value for lists: "Durchschnitt Hard Facts (1,85)", "Frage 9 (Soft Facts, Wert 1)".</summary>
        public static string BadValueShortTitle(RatingBadValueKind kind, string value, int? questionNumber, string? questionText) => kind switch
        {
            RatingBadValueKind.HardFactsAverage => $"{AverageHard} ({value})",
            RatingBadValueKind.SoftFactsAverage => $"{AverageSoft} ({value})",
            _ when questionNumber is { } n => $"Frage {n} (Soft Facts, Wert {value})",
            _ => $"Soft Facts „{questionText}“ ({value})",
        };

        public static string Missing(bool begruendung, bool empfehlung) => (begruendung, empfehlung) switch
        {
            (true, true) => $"Es fehlen {Begruendung} und {Handlungsempfehlung}.",
            (true, false) => $"Es fehlt die {Begruendung}.",
            (false, true) => $"Es fehlt die {Handlungsempfehlung}.",
            _ => "",
        };

        public static string MissingLine(string badValueTitle, bool begruendung, bool empfehlung) =>
            $"{badValueTitle}: {Missing(begruendung, empfehlung)}";

        public static string NotAcceptedHeading(int missing) => missing == 1
            ? "Nicht abgesendet: Für einen schlechten Wert fehlen Angaben."
            : $"Nicht abgesendet: Für {missing} schlechte Werte fehlen Angaben.";

        // ---- submitted ----
        public static string SubmittedFallback(string traeger) => $"Trägerbewertung {traeger} abgegeben.";
        public const string SubmittedTitle = "Bewertung abgegeben";
        public const string SubmittedText = "Vielen Dank! Ihre Bewertung ist gespeichert und kann nicht mehr geändert werden.";
        public const string SubmittedAt = "Abgegeben";
        public const string Result = "Ergebnis";
        public const string ManagersNotified =
            "Die Koordinierende Führungskraft und die Führungskraft der Maßnahmebetreuung wurden über die auffällige Bewertung informiert.";
        public const string DocumentQueued = "Der Bewertungsbogen wird in der e-Akte abgelegt (Bewertungsbögen TM).";

        // ---- reminder ----
        public static string ReminderFallback(string traeger, int daysLeft) => $"Erinnerung: Trägerbewertung {traeger}, {DaysLeftText(daysLeft)}.";
        public static string ReminderTitle(int daysLeft) => $"Erinnerung: Trägerbewertung {DaysLeftText(daysLeft)}";
        public static string DaysLeftText(int daysLeft) => daysLeft switch
        {
            0 => "heute fällig",
            1 => "noch 1 Tag",
            _ => $"noch {daysLeft} Tage",
        };
        public const string ReminderText = "Ihre Bewertung ist noch nicht abgegeben. Bereits beantwortete Seiten sind gespeichert.";
        public const string ProgressLabel = "Stand";
        public const string Continue = "Bewertung fortsetzen";

        // ---- overdue (coordinator) ----
        public static string OverdueFallback(string traeger, string assessor) => $"Trägerbewertung {traeger} von {assessor} ist überfällig.";
        public const string OverdueTitle = "Trägerbewertung überfällig";
        public static string OverdueText(string assessor) =>
            $"{assessor} hat die Bewertung bis zur Frist nicht abgegeben. Bitte klären Sie das weitere Vorgehen.";
        public const string SentOn = "Versendet am";

        // ---- flagged (managers) ----
        public static string FlaggedFallback(string traeger, string measureNumber) => $"Auffällige Trägerbewertung: {traeger}, Maßnahme {measureNumber}.";
        public const string FlaggedTitle = "Auffällige Trägerbewertung";
        public static string FlaggedText(string assessor) =>
            $"{assessor} hat eine auffällige Bewertung abgegeben. Die Gespräche mit dem Träger führt die Führungskraft der Maßnahmebetreuung; " +
            "sie setzt die Erkenntnisse um und hält sie nach.";
        public const string BadValuesHeading = "Schlechte Werte mit Begründung und Handlungsempfehlung";

        // ---- closed ----
        public static string ClosedFallback(string traeger) => $"Trägerbewertung {traeger}: Anfrage geschlossen.";
        public const string ClosedTitle = "Bewertungsanfrage geschlossen";
        public const string ClosedText = "Diese Bewertungsanfrage wurde von der Maßnahmekoordination geschlossen. Eingaben werden nicht mehr angenommen.";
        public const string ClosedAt = "Geschlossen";
    }
}
