namespace TeamsAmdl.Domain;

/// <summary>Kinds of measures (R-CAP-1). Stored by name: do not rename members.</summary>
public enum MeasureKind
{
    /// <summary>Generic Einkaufsmaßnahme (§ 45 SGB III and similar), capacity in places.</summary>
    Einkaufsmassnahme,
    /// <summary>DIA-AM (§ 49 Abs. 4 / § 55 SGB IX): volume in Teilnahmemonate, entry every 14 days.</summary>
    DiaAm,
    /// <summary>Unterstützte Beschäftigung / InbeQ under a Rahmenvertrag: Gesamt- and Mindestplatzzahl, 12-month intake.</summary>
    UbInbeq,
    /// <summary>Arbeitsgelegenheit (§ 16d SGB II).</summary>
    Agh,
    /// <summary>Project of a local labour-market programme (LAP).</summary>
    LapProjekt,
    /// <summary>Gutscheinmaßnahme (AVGS/BGS).</summary>
    Gutschein,
}

/// <summary>How participants enter a measure.</summary>
public enum EntryModel
{
    /// <summary>Laufender Einstieg: any working day while places are free.</summary>
    Laufend,
    /// <summary>Entry dates every 14 days from the start (DIA-AM).</summary>
    Stichtage14Tage,
    /// <summary>One fixed start date for the whole group.</summary>
    Fest,
}

public static class MeasureKindNames
{
    public static string German(this MeasureKind kind) => kind switch
    {
        MeasureKind.Einkaufsmassnahme => "Einkaufsmaßnahme",
        MeasureKind.DiaAm => "DIA-AM",
        MeasureKind.UbInbeq => "UB/InbeQ",
        MeasureKind.Agh => "AGH",
        MeasureKind.LapProjekt => "LAP-Projekt",
        MeasureKind.Gutschein => "Gutscheinmaßnahme (AVGS/BGS)",
        _ => kind.ToString(),
    };
}
