namespace TeamsAmdl.Domain.Quality;

/// <summary>German names and refusals of the Mängel state machine (R-QA-3).</summary>
public static class MangelTexts
{
    public static string Status(MangelStatus s) => s switch
    {
        MangelStatus.Erfasst => "Erfasst",
        MangelStatus.Stufe1 => "Deeskalationsstufe 1",
        MangelStatus.SqsEinbezogen => "Frist versäumt – Fachkraft S&QS einbezogen",
        MangelStatus.Stufe2 => "Deeskalationsstufe 2 – REZ unterrichtet",
        MangelStatus.LeitungInformiert => "Bereichs-/Geschäftsleitung informiert",
        MangelStatus.Behoben => "Behoben (abgeschlossen)",
        _ => s.ToString(),
    };

    public static string Action(MangelAction a) => a switch
    {
        MangelAction.Stufe1 => "Mängelschreiben mit Frist (Stufe 1)",
        MangelAction.FristVersaeumt => "Frist versäumt",
        MangelAction.Stufe2 => "REZ unterrichten (Stufe 2)",
        MangelAction.LeitungInformieren => "Bereichs-/Geschäftsleitung informieren",
        MangelAction.Behoben => "Als behoben schließen",
        _ => a.ToString(),
    };

    public static string RoleRequired(MangelAction a) => a switch
    {
        MangelAction.Stufe1 or MangelAction.Stufe2 or MangelAction.LeitungInformieren =>
            $"„{Action(a)}“ ist Aufgabe der Fachkraft Steuerung & Qualitätssicherung.",
        _ => $"„{Action(a)}“ können Koordination, Betreuung oder die Fachkraft Steuerung & Qualitätssicherung erfassen.",
    };

    public const string SeriousGoesToStufe2 =
        "Ein schwerwiegender Mangel geht sofort in die Deeskalationsstufe 2: das REZ ist unverzüglich zu unterrichten.";

    public const string Stufe2OnlyAfterStufe1 =
        "Das REZ wird erst unterrichtet, wenn der Träger die Frist der Stufe 1 versäumt hat – außer bei schwerwiegenden Mängeln.";

    public const string DeadlineMissing = "Für das Mängelschreiben fehlt die Frist zur Behebung.";

    public static string DeadlineNotInFuture(DateOnly today) => $"Die Frist muss nach dem heutigen Tag ({today:dd.MM.yyyy}) liegen.";

    public static string DeadlineNotPassed(DateOnly? deadline) => deadline is { } d
        ? $"Die Frist läuft noch bis einschließlich {d:dd.MM.yyyy}; versäumt ist sie erst danach."
        : "Für diesen Mangel läuft keine Frist.";

    public static string NotPossible(MangelStatus from, MangelAction action) =>
        $"„{Action(action)}“ ist im Status „{Status(from)}“ nicht möglich.";
}
