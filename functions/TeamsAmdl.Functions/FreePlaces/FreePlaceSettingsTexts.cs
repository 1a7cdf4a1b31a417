namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>German texts of the IFK's free-place settings (tab).</summary>
public static class FreePlaceSettingsTexts
{
    public const string Always = "sofort, zu jeder Zeit";

    public static string Hours(string days, string start, string end) =>
        $"{days}, {start}–{end} Uhr; außerhalb davon ab dem nächsten Arbeitstag um {start} Uhr (Feiertage ausgenommen)";
}
