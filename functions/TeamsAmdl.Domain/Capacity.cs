namespace TeamsAmdl.Domain;

/// <summary>
/// Purchased capacity of a measure (R-CAP-1, -3, -4).
/// <list type="bullet">
/// <item>Places: Gesamtplatzzahl (UB), maximum occupancy from the Losblatt (DIA-AM), purchased places otherwise.</item>
/// <item>MinimumPlaces: UB Mindestplatzzahl; defaults to 70 % of Places, rounded up.</item>
/// <item>AverageOccupancy and ContractedTm: DIA-AM only (Durchschnittsbelegung, Teilnahmemonate contingent).</item>
/// </list>
/// </summary>
public sealed record Capacity(int Places, int? MinimumPlaces = null, int? AverageOccupancy = null, decimal? ContractedTm = null)
{
    /// <summary>Validates the numbers for a measure of <paramref name="kind"/> and fills derived defaults.</summary>
    public static Capacity Create(MeasureKind kind, int places, int? minimumPlaces = null, int? averageOccupancy = null,
        decimal? contractedTm = null)
    {
        if (places < 0)
            throw new DomainValidationException(nameof(Places), "Die Platzzahl darf nicht negativ sein.");
        if (places == 0)
            throw new DomainValidationException(nameof(Places), "Eine Maßnahme braucht mindestens einen Platz.");
        if (minimumPlaces is < 0)
            throw new DomainValidationException(nameof(MinimumPlaces), "Die Mindestplatzzahl darf nicht negativ sein.");
        if (minimumPlaces > places)
            throw new DomainValidationException(nameof(MinimumPlaces),
                $"Die Mindestplatzzahl ({minimumPlaces}) darf nicht größer sein als die Gesamtplatzzahl ({places}).");
        if (averageOccupancy is < 0 || averageOccupancy > places)
            throw new DomainValidationException(nameof(AverageOccupancy),
                $"Die Durchschnittsbelegung muss zwischen 0 und der Höchstbelegung ({places}) liegen.");
        if (contractedTm is < 0)
            throw new DomainValidationException(nameof(ContractedTm), "Das TM-Kontingent darf nicht negativ sein.");

        return kind switch
        {
            MeasureKind.UbInbeq => new Capacity(places, minimumPlaces ?? Mindestplatzzahl.For(places)),
            MeasureKind.DiaAm => new Capacity(places, null,
                averageOccupancy ?? throw new DomainValidationException(nameof(AverageOccupancy),
                    "Für DIA-AM ist die Durchschnittsbelegung aus dem Losblatt anzugeben."),
                contractedTm ?? throw new DomainValidationException(nameof(ContractedTm),
                    "Für DIA-AM ist das Kontingent an Teilnahmemonaten anzugeben.")),
            _ => new Capacity(places),
        };
    }
}
