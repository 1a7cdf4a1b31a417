namespace TeamsAmdl.Functions.Hosting;

/// <summary>German texts of the input boundary (both hosts): what people read when the request itself is the problem.</summary>
public static class BoundaryTexts
{
    public static string TooLarge(long maxBytes) => maxBytes == 0
        ? "Diese Adresse nimmt keine Daten im Body an."
        : $"Die Anfrage ist zu groß: höchstens {Size(maxBytes)} sind hier erlaubt.";

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 => $"{bytes / 1024} KB",
        _ => $"{bytes} Bytes",
    };

    public static string InternalError(string correlationId) =>
        $"Bei der Bearbeitung ist ein interner Fehler aufgetreten. Bitte später erneut versuchen; bleibt der Fehler, " +
        $"dem Betrieb die Fehlerkennung {correlationId} nennen.";

    public const string NotFound = "Diese Adresse gibt es nicht.";

    public static string MethodNotAllowed(string method) => $"Diese Adresse unterstützt die Methode {method} nicht.";

    public static string OtherStatus(int status) => $"Die Anfrage konnte nicht bearbeitet werden (Status {status}).";

    public static string NotAnInteger(string name, int min, int max) =>
        $"Der Parameter „{name}“ muss eine ganze Zahl von {min} bis {max} sein.";

    public static string UnknownValue(string name, string value, IEnumerable<string> allowed) =>
        $"Unbekannter Wert „{value}“ für „{name}“. Erlaubt: {string.Join(", ", allowed)}.";
}
