namespace TeamsAmdl.Filing;

/// <summary>The e-Akte categories of SPEC R-DOC-1: the third folder level and the column "Kategorie".</summary>
public enum FilingCategory
{
    BewertungsboegenTm,
    VorOrtBesuchePruefberichte,
    Massnahmebetreuung,
    PruefergebnisAnTraeger,
    TeilnehmerbefragungenBeschwerden,
    SchriftverkehrMaengel,
    SchriftverkehrFachkundigeStelle,
    Massnahmeinfo,
    Auslastung,
}

public static class FilingCategories
{
    /// <summary>The category as SPEC names it; the value of the column "Kategorie".</summary>
    public static string DisplayName(this FilingCategory category) => category switch
    {
        FilingCategory.BewertungsboegenTm => "Bewertungsbögen TM",
        FilingCategory.VorOrtBesuchePruefberichte => "Vor-Ort-Besuche/Prüfberichte",
        FilingCategory.Massnahmebetreuung => "Maßnahmebetreuung",
        FilingCategory.PruefergebnisAnTraeger => "Prüfergebnis an Träger",
        FilingCategory.TeilnehmerbefragungenBeschwerden => "Teilnehmerbefragungen/-beschwerden",
        FilingCategory.SchriftverkehrMaengel => "Schriftverkehr Mängel",
        FilingCategory.SchriftverkehrFachkundigeStelle => "Schriftverkehr Fachkundige Stelle",
        FilingCategory.Massnahmeinfo => "Maßnahmeinfo",
        FilingCategory.Auslastung => "Auslastung",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The folder name: the display name without the slash SharePoint forbids in names.</summary>
    public static string FolderName(this FilingCategory category) => category switch
    {
        FilingCategory.VorOrtBesuchePruefberichte => "Vor-Ort-Besuche und Prüfberichte",
        FilingCategory.TeilnehmerbefragungenBeschwerden => "Teilnehmerbefragungen und -beschwerden",
        _ => category.DisplayName(),
    };
}
