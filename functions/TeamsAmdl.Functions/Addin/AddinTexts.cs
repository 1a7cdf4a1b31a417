using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Addin;

/// <summary>German texts of the Outlook add-in's API (the task pane's own labels are in wwwroot/addin/taskpane.js).</summary>
public static class AddinTexts
{
    public const string Forbidden =
        "In die e-Akte ablegen dürfen Koordination, Maßnahmebetreuung, Fachkräfte SQS, koordinierende Führungskräfte und Geschäftsleitung.";
    public const string MessageIdMissing = "Die Kennung der E-Mail (internetMessageId) fehlt; ohne sie lässt sich doppeltes Ablegen nicht verhindern.";
    public const string MailMissing = "Die E-Mail selbst fehlt (Feld „mail“, die .eml-Datei).";
    public const string TraegerMissing = "Bitte einen Träger wählen.";
    public static string UnknownTraeger(string id) => $"Den Träger „{id}“ gibt es nicht.";
    public const string MeasureMissing = "Bitte eine Maßnahme wählen.";
    public static string UnknownMeasure(string number) => $"Die Maßnahme „{number}“ gibt es nicht.";
    public static string MeasureOfOtherTraeger(string number, string traeger) => $"Die Maßnahme „{number}“ gehört nicht zum Träger „{traeger}“.";
    public const string CategoryMissing = "Bitte eine Kategorie wählen.";
    public static string UnknownCategory(string value) => $"Unbekannte Kategorie „{value}“.";
    public const string TitleMissing = "Der Titel fehlt (sonst der Betreff der E-Mail).";
    public static string TitleTooLong(int max) => $"Der Titel ist länger als {max} Zeichen.";
    public const string TitleLabel = "Titel";
    public static string AttachmentNameLabel(int number) => $"Name des Anhangs {number}";
    public static string TooManyAttachments(int max) => $"Höchstens {max} Anhänge können in einem Schritt abgelegt werden.";
    public static string AttachmentNameMissing(int number) => $"Der Anhang {number} hat keinen Dateinamen.";
    public static string AttachmentEmpty(string name) => $"Der Anhang „{name}“ ist leer.";
    public static string NoExtension(string name) => $"Der Anhang „{name}“ hat keine Dateiendung; die e-Akte braucht den Dateityp.";
    public static string Executable(string name) =>
        $"Der Anhang „{name}“ ist ein Programm oder Skript. Solche Dateien werden nicht in die e-Akte abgelegt.";
    public static string TooLarge(long bytes, long max) =>
        $"Die E-Mail mit den gewählten Anhängen ist {Megabytes(bytes)} groß; höchstens {Megabytes(max)} können in einem Schritt abgelegt werden. " +
        "Bitte weniger Anhänge wählen.";
    public static string BodyTooLong(int max) => $"Der Text der E-Mail ist länger als {max:N0} Zeichen.";
    public static string UnknownJob(string jobId) => $"Den Ablageauftrag „{jobId}“ gibt es nicht.";

    public const string MailKind = "E-Mail";
    public const string PdfKind = "E-Mail (PDF)";
    public const string AttachmentKind = "E-Mail-Anhang";
    public const string NoSubject = "E-Mail ohne Betreff";
    public static string ProposedByAddress(string traeger) => $"Absender ist die Kontaktadresse von {traeger}.";
    public static string ProposedByDomain(string traeger, string domain) => $"Absender-Domain {domain} gehört zu {traeger}.";

    public static string StatusLabel(FilingStatus status) => status switch
    {
        FilingStatus.Pending => "wird abgelegt",
        FilingStatus.Filed => "abgelegt",
        _ => "Ablage gestoppt – die Koordination sieht den Grund in den Ablageaufträgen",
    };

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("de-DE")) + " MB";
}
