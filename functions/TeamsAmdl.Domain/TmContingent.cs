namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-4: bookkeeping of the purchased DIA-AM contingent of Teilnahmemonate (Bewirtschaftung).
/// Days are summed as integers and divided by 30 once, so results are exact. Participation days are clamped
/// to the measure's [Start, End]. The participations passed in must belong to <c>measure</c>.
/// </summary>
public static class TmContingent
{
    /// <summary>Counted days actually used up to and including <paramref name="asOf"/> (exit or asOf, whichever is earlier).</summary>
    public static int ConsumedDays(Measure measure, IEnumerable<Participation> participations, DateOnly asOf) =>
        participations.Sum(p => DaysWithin(measure, p.Entry, Min(p.Exit ?? asOf, asOf)));

    /// <summary>TM actually used up to and including <paramref name="asOf"/>.</summary>
    public static decimal Consumed(Measure measure, IEnumerable<Participation> participations, DateOnly asOf) =>
        Teilnahmemonate.FromDays(ConsumedDays(measure, participations, asOf));

    /// <summary>Contracted TM minus TM used up to <paramref name="asOf"/>. Negative when the contingent is overdrawn.</summary>
    public static decimal Remaining(Measure measure, IEnumerable<Participation> participations, DateOnly asOf) =>
        (ContractedDays(measure) - ConsumedDays(measure, participations, asOf)) / Teilnahmemonate.DaysPerMonth;

    /// <summary>
    /// Counted days the participations will have used at their projected end (<see cref="DiaAmStay.ProjectedLastDay"/>):
    /// what is already spoken for, including the rest of the stays of active participants.
    /// </summary>
    public static int CommittedDays(Measure measure, IEnumerable<Participation> participations) =>
        participations.Sum(p => DaysWithin(measure, p.Entry, DiaAmStay.ProjectedLastDay(measure, p)));

    /// <summary>
    /// How many more standard stays entering on <paramref name="entryDate"/> the contingent can carry after the
    /// committed days and <paramref name="confirmedReservations"/> stays entering on that date. Never negative.
    /// </summary>
    public static int StaysAvailable(Measure measure, IEnumerable<Participation> participations, int confirmedReservations,
        DateOnly entryDate)
    {
        var stay = DiaAmStay.StandardDays(measure, entryDate);
        var left = ContractedDays(measure) - CommittedDays(measure, participations) - (decimal)Math.Max(0, confirmedReservations) * stay;
        return left <= 0 ? 0 : (int)Math.Min(int.MaxValue, decimal.Floor(left / stay));
    }

    /// <summary>The contingent in counted days (contracted TM × 30).</summary>
    public static decimal ContractedDays(Measure measure) =>
        (measure.Capacity.ContractedTm ?? throw new DomainValidationException(nameof(Capacity.ContractedTm),
            "Für diese Maßnahme ist kein Kontingent an Teilnahmemonaten vereinbart.")) * Teilnahmemonate.DaysPerMonth;

    private static int DaysWithin(Measure measure, DateOnly first, DateOnly last) =>
        Teilnahmemonate.Days(first > measure.Start ? first : measure.Start, Min(last, measure.End));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
