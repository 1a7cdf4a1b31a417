namespace TeamsAmdl.Domain;

/// <summary>Why a place was not given. Stored/transported by name: do not rename members.</summary>
public enum AllocationRefusal
{
    None,
    /// <summary>Capacity − occupancy − reservations is 0.</summary>
    NoPlaceFree,
    /// <summary>DIA-AM: the TM contingent cannot carry another stay.</summary>
    ContingentExhausted,
    /// <summary>Entry date before the start or after the end of the measure.</summary>
    OutsideMeasure,
    /// <summary>UB: entry after the first 12 months.</summary>
    IntakeClosed,
    /// <summary>24 or 31 December.</summary>
    NotAMeasureDay,
    /// <summary>DIA-AM: not one of the 14-day entry dates.</summary>
    NotAnEntryDate,
}

/// <summary>
/// Result of a place decision: whether one more place is given, the counts to write back (unchanged when
/// refused) and, when refused, the reason with a German message for people.
/// </summary>
public sealed record AllocationDecision(bool Granted, PlaceCounts Counts, AllocationRefusal Refusal, string? Message)
{
    public static AllocationDecision Grant(PlaceCounts newCounts) => new(true, newCounts, AllocationRefusal.None, null);

    public static AllocationDecision Refuse(PlaceCounts counts, AllocationRefusal refusal, string message) =>
        new(false, counts, refusal, message);
}
