using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Filing;

/// <summary>German texts of the filing API.</summary>
public static class FilingTexts
{
    public const string JobsForbidden =
        "Die Ablageaufträge der e-Akte sehen nur Koordination, Fachkräfte SQS, koordinierende Führungskräfte und Geschäftsleitung.";
    public static string UnknownStatus(string status, IEnumerable<string> allowed) => $"Unbekannter Status „{status}“. Erlaubt: {string.Join(", ", allowed)}.";
    public static string UnknownJob(string jobId) => $"Den Ablageauftrag „{jobId}“ gibt es nicht.";
    public static string NotParked(FilingStatus status) => $"Der Ablageauftrag ist nicht geparkt, er ist {Label(status)}.";

    /// <summary>A status as people read it (the enum names are for machines).</summary>
    public static string Label(FilingStatus status) => status switch
    {
        FilingStatus.Pending => "in Arbeit",
        FilingStatus.Filed => "bereits abgelegt",
        _ => "geparkt",
    };
    public static string UnknownDemoMeasure(string? number) => $"Die Maßnahme „{number}“ gibt es nicht (Demo-Daten geladen?).";
}
