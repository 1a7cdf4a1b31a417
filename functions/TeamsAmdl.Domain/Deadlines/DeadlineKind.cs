namespace TeamsAmdl.Domain.Deadlines;

/// <summary>The deadlines of SPEC §8 (R-TN-1…4). Stored by name in item keys: do not rename members.</summary>
public enum DeadlineKind
{
    /// <summary>R-TN-1: the customer's expectation in their own words, recorded by the IFK at assignment (by the entry day).</summary>
    Erwartungsbogen,
    /// <summary>R-TN-2: 1 week after a Nichtantritt/Abbruch, 2 weeks after the Abschlussgespräch on the last day of a regular end.</summary>
    Feedbackbogen,
    /// <summary>R-TN-4: DIA-AM/UB attendance of a month, by the 9th of the following month (locked from the 10th).</summary>
    Anwesenheit,
    /// <summary>R-TN-4: DIA-AM/UB Bewirtschaftungsliste of a month, by the 10th of the following month.</summary>
    Bewirtschaftungsliste,
    /// <summary>R-TN-4: DIA-AM/UB entry or non-entry, on the entry day.</summary>
    Eintrittsmeldung,
    /// <summary>R-TN-4: DIA-AM/UB exit and whereabouts, at the latest on the last day.</summary>
    Austrittsmeldung,
    /// <summary>R-TN-4: UB Leistungs- und Verhaltensbeurteilung after 12 months of participation.</summary>
    LuV12Monate,
    /// <summary>R-TN-4: DIA-AM Abschlussbericht, ≤ 2 weeks after the end of the participation.</summary>
    Abschlussbericht,
    /// <summary>R-TN-4: UB LuV at the end of the Einstiegsphase (its last day, <see cref="DeadlineRules.LuVPhasenende"/>).</summary>
    LuVEinstiegsphase,
    /// <summary>R-TN-4: UB LuV at the end of a Qualifizierungsphase.</summary>
    LuVQualifizierungsphase,
    /// <summary>R-TN-4: UB LuV at the end of a Stabilisierungsphase.</summary>
    LuVStabilisierungsphase,
}

/// <summary>What people read for a <see cref="DeadlineKind"/>.</summary>
public static class DeadlineKindLabels
{
    public static string German(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.Erwartungsbogen => "Erwartungsbogen",
        DeadlineKind.Feedbackbogen => "Feedbackbogen",
        DeadlineKind.Anwesenheit => "Anwesenheitszeiten",
        DeadlineKind.Bewirtschaftungsliste => "Bewirtschaftungsliste",
        DeadlineKind.Eintrittsmeldung => "Eintritts-/Nichteintrittsmeldung",
        DeadlineKind.Austrittsmeldung => "Austritts- und Verbleibsmeldung",
        DeadlineKind.LuV12Monate => "LuV nach 12 Monaten",
        DeadlineKind.LuVEinstiegsphase => "LuV Ende Einstiegsphase",
        DeadlineKind.LuVQualifizierungsphase => "LuV Ende Qualifizierungsphase",
        DeadlineKind.LuVStabilisierungsphase => "LuV Ende Stabilisierungsphase",
        _ => "Abschlussbericht",
    };

    /// <summary>Documents about one customer, tracked by the IFK and the Betreuer; the rest are the Träger's reports to the Betreuer.</summary>
    public static bool IsParticipantDocument(this DeadlineKind kind) => kind is DeadlineKind.Erwartungsbogen or DeadlineKind.Feedbackbogen;

    /// <summary>The LuV due at the end of <paramref name="phase"/> (R-TN-4, UB).</summary>
    public static DeadlineKind LuVAtEndOf(UbPhase phase) => phase switch
    {
        UbPhase.Einstieg => DeadlineKind.LuVEinstiegsphase,
        UbPhase.Qualifizierung => DeadlineKind.LuVQualifizierungsphase,
        _ => DeadlineKind.LuVStabilisierungsphase,
    };
}
