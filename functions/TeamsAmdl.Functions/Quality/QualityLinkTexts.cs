namespace TeamsAmdl.Functions.Quality;

/// <summary>German notes the Outlook add-in's task pane shows after filing (<see cref="QualityMailLinks"/>).</summary>
public static class QualityLinkTexts
{
    public static string ReviewCompleted(string measure) =>
        $"Die Aufgabe „Abschlussbericht prüfen“ für {measure} ist damit erledigt.";

    public static string ReviewNotYours(string measure) =>
        $"Die Aufgabe „Abschlussbericht prüfen“ für {measure} bleibt offen: abschließen können sie nur Koordination und Betreuung der Maßnahme.";

    public static string OpenMaengel(string measure, IReadOnlyList<(string Id, string Description)> open) =>
        $"Offene Mängel zu {measure}: " + string.Join("; ", open.Select(m => $"{m.Id} ({m.Description})"))
        + ". Den nächsten Schritt (z. B. „Behoben“) setzen Sie im Qualitätskalender des Tabs.";
}
