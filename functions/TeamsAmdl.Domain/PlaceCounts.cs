namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-2: the numbers a place decision is made on, for one measure and entry date. The storage layer keeps
/// them with an ETag and writes the counts returned by <see cref="PlaceAllocation"/> with If-Match, so that a
/// place can never be given twice under concurrent requests.
/// </summary>
/// <param name="Capacity">Places (UB Gesamtplatzzahl, DIA-AM maximum occupancy).</param>
/// <param name="Occupied">Participants active on the day.</param>
/// <param name="Reserved">Confirmed reservations not yet entered.</param>
/// <param name="ContingentStays">DIA-AM: further stays the TM contingent can carry beyond those occupied and
/// reserved; null when there is no contingent.</param>
public sealed record PlaceCounts(int Capacity, int Occupied, int Reserved, int? ContingentStays = null)
{
    /// <summary>Places left by capacity alone: Capacity − Occupied − Reserved, never negative.</summary>
    public int FreeByCapacity => Math.Max(0, Capacity - Occupied - Reserved);

    /// <summary>Places that can still be given: also capped by the contingent; never negative.</summary>
    public int Free => ContingentStays is { } stays ? Math.Max(0, Math.Min(FreeByCapacity, stays)) : FreeByCapacity;
}
