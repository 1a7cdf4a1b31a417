namespace TeamsAmdl.Domain.Ratings;

/// <summary>What a rating request is (R-RATE-1, seed 000 §6.3: regular during the measure, after its end, event-driven).</summary>
public enum RatingKind
{
    /// <summary>Regelbewertung während der Maßnahme.</summary>
    WaehrendDerMassnahme,

    /// <summary>Bewertung nach Maßnahmeende.</summary>
    NachMassnahmeende,

    /// <summary>Anlassbezogene Bewertung.</summary>
    Anlassbezogen,
}

public static class RatingKinds
{
    public static string DisplayName(this RatingKind kind) => kind switch
    {
        RatingKind.WaehrendDerMassnahme => "Regelbewertung während der Maßnahme",
        RatingKind.NachMassnahmeende => "Bewertung nach Maßnahmeende",
        RatingKind.Anlassbezogen => "Anlassbezogene Bewertung",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Whether a request of this kind may be sent for a measure today (Berlin dates, start and end inclusive):
    /// during = from start to end, after the end = from the last day on, event-driven = any time from the start on.
    /// Null when allowed, else the German reason.
    /// </summary>
    public static string? CheckTiming(this RatingKind kind, DateOnly measureStart, DateOnly measureEnd, DateOnly today) => kind switch
    {
        _ when today < measureStart =>
            $"Die Maßnahme beginnt erst am {measureStart:dd.MM.yyyy}; vorher kann sie nicht bewertet werden.",
        RatingKind.WaehrendDerMassnahme when today > measureEnd =>
            $"Die Maßnahme ist am {measureEnd:dd.MM.yyyy} zu Ende gegangen; bitte „nach Maßnahmeende“ oder „anlassbezogen“ wählen.",
        RatingKind.NachMassnahmeende when today < measureEnd =>
            $"Die Maßnahme endet erst am {measureEnd:dd.MM.yyyy}; eine Bewertung nach Maßnahmeende ist ab diesem Tag möglich.",
        _ => null,
    };
}
