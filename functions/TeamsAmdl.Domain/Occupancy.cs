namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-2: occupancy = participants entered and not yet exited on a day. The participations passed in must
/// belong to the measure; <c>confirmedReservations</c> are those whose entry date is the day in question or earlier
/// and that have not entered yet.
/// </summary>
public static class Occupancy
{
    /// <summary>Participations active on <paramref name="day"/> (recorded exit only).</summary>
    public static int On(IEnumerable<Participation> participations, DateOnly day) => participations.Count(p => p.IsActiveOn(day));

    /// <summary>
    /// The counts for giving a place with entry on <paramref name="day"/>. DIA-AM: see <see cref="DiaAmPlaces"/>;
    /// other kinds: capacity = places, occupancy on the day.
    /// </summary>
    public static PlaceCounts CountsFor(Measure measure, IReadOnlyCollection<Participation> participations, int confirmedReservations,
        DateOnly day) =>
        measure.Kind == MeasureKind.DiaAm
            ? DiaAmPlaces.CountsFor(measure, participations, confirmedReservations, day)
            : new PlaceCounts(measure.Capacity.Places, On(participations, day), Math.Max(0, confirmedReservations));

    /// <summary>Free places for an entry on <paramref name="day"/>; never negative.</summary>
    public static int FreePlaces(Measure measure, IReadOnlyCollection<Participation> participations, int confirmedReservations,
        DateOnly day) => CountsFor(measure, participations, confirmedReservations, day).Free;
}
