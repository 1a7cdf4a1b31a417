namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-4: free DIA-AM places for an entry date = maximum occupancy (Losblatt) − participants still active on
/// that date (projected, see <see cref="DiaAmStay"/>) − confirmed reservations for it, and never more than the
/// remaining TM contingent can carry (<see cref="TmContingent.StaysAvailable"/>: a new participant entering on
/// E consumes the counted days from E to min(E + 12 weeks − 1 day, measure end)).
/// </summary>
public static class DiaAmPlaces
{
    public static PlaceCounts CountsFor(Measure measure, IReadOnlyCollection<Participation> participations, int confirmedReservations,
        DateOnly entryDate)
    {
        var reserved = Math.Max(0, confirmedReservations);
        var active = participations.Count(p => DiaAmStay.IsActiveOn(measure, p, entryDate));
        var stays = TmContingent.StaysAvailable(measure, participations, reserved, entryDate);
        return new PlaceCounts(measure.Capacity.Places, active, reserved, stays);
    }

    /// <summary>Free places on the next entry date on or after <paramref name="today"/>; null if no entry date is left.</summary>
    public static (DateOnly EntryDate, int Free)? ForNextEntryDate(Measure measure, IReadOnlyCollection<Participation> participations,
        int confirmedReservations, DateOnly today) =>
        DiaAmEntryDates.NextOnOrAfter(measure, today) is { } next
            ? (next, CountsFor(measure, participations, confirmedReservations, next).Free)
            : null;
}
