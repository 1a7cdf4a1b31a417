namespace TeamsAmdl.Functions.Staffing;

/// <summary>German texts of the staff sync and the app installation.</summary>
public static class StaffTexts
{
    public const string Deactivated =
        "Ihr Konto ist in TeamsAmdl deaktiviert: Sie gehören keiner der zugeordneten Entra-Gruppen mehr an. Bitte wenden Sie sich an die Koordination.";

    public const string CoordinatorsOnly = "Den Abgleich der Mitarbeitenden darf nur die Koordination starten.";

    public const string NotConfigured =
        "Es sind keine Entra-Gruppen zugeordnet (Einstellung Staff:Groups); es wurde nichts abgeglichen.";

    public static string Summary(int added, int changed, int deactivated, int unchanged) =>
        $"Mitarbeitende aus Entra ID abgeglichen: {added} neu, {changed} geändert, {deactivated} deaktiviert, {unchanged} unverändert.";

    public static string GraphFailed(int status) =>
        $"Der Abgleich mit Entra ID ist fehlgeschlagen (Microsoft Graph antwortete {status}); es wurde nichts geändert. Bitte später erneut versuchen.";
}
