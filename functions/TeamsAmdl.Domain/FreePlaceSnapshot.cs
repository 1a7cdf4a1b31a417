namespace TeamsAmdl.Domain;

/// <summary>
/// R-FREE-1: what a free-place alert says about a measure at one moment: free places for the first possible entry
/// on or after a day, that entry date, and the intake deadline (UB: end of month 12).
/// <list type="bullet">
/// <item>The entry date is the first day a new participant could enter: DIA-AM the next 14-day entry date, other
/// kinds the day itself (or the start, if the measure has not begun; 24/31 December move to the next measure day).</item>
/// <item>Free places are counted for that entry date with <see cref="Occupancy.CountsFor"/>: capacity − participants
/// active then − places held by requests/reservations; for DIA-AM never more than the TM contingent can carry.</item>
/// <item>No entry date (measure over, no DIA-AM entry date left) or an entry date outside the intake window (UB after
/// month 12) means <see cref="IntakeOpen"/> = false and 0 free places: such a measure is never advertised.</item>
/// </list>
/// </summary>
public sealed record FreePlaceSnapshot(int Free, DateOnly? EntryDate, DateOnly IntakeDeadline, bool IntakeOpen)
{
    /// <summary>Whether IFKs can be offered a place: the intake is open and at least one place is free.</summary>
    public bool HasFreePlaces => IntakeOpen && Free > 0;

    /// <param name="measure">The measure.</param>
    /// <param name="participations">Its participations (running ones suffice).</param>
    /// <param name="heldPlaces">Places held by pending requests and confirmed reservations (customer not entered yet).</param>
    /// <param name="today">Today in Berlin.</param>
    /// <param name="from">Earliest entry wanted, e.g. the day after a future exit; defaults to today.</param>
    public static FreePlaceSnapshot Take(Measure measure, IReadOnlyCollection<Participation> participations, int heldPlaces,
        DateOnly today, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(participations);
        var deadline = IntakeWindow.Deadline(measure);
        var earliest = from is { } f && f > today ? f : today;
        var entry = FirstEntryOnOrAfter(measure, earliest);
        if (entry is not { } e || !IntakeWindow.IsOpen(measure, e))
            return new FreePlaceSnapshot(0, entry, deadline, false);
        var free = Occupancy.CountsFor(measure, participations, heldPlaces, e).Free;
        return new FreePlaceSnapshot(free, e, deadline, true);
    }

    /// <summary>Days ahead <see cref="FirstFree"/> looks for a free place (three DIA-AM entry dates).</summary>
    public const int DefaultHorizonDays = 42;

    /// <summary>
    /// The first entry date from today within <paramref name="horizonDays"/> at which a place is free (e.g. the day
    /// after a recorded exit), with the free places then; if there is none, the snapshot for the next entry date
    /// (0 free). Cards and requests use this: a place freed by an exit at the end of the week is offered "ab" the
    /// following day.
    /// </summary>
    public static FreePlaceSnapshot FirstFree(Measure measure, IReadOnlyCollection<Participation> participations, int heldPlaces,
        DateOnly today, int horizonDays = DefaultHorizonDays)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var first = Take(measure, participations, heldPlaces, today);
        if (first.HasFreePlaces || first.EntryDate is not { } e) return first;
        var last = today.AddDays(horizonDays);
        for (var day = e.AddDays(1); day <= last; day = day.AddDays(1))
        {
            var next = FirstEntryOnOrAfter(measure, day);
            if (next is not { } n || n > last) break;
            var s = Take(measure, participations, heldPlaces, today, n);
            if (s.HasFreePlaces) return s;
            if (!s.IntakeOpen) break;
            day = n;
        }
        return first;
    }

    /// <summary>The first day a participant could enter on or after <paramref name="day"/>, or null if none is left.</summary>
    public static DateOnly? FirstEntryOnOrAfter(Measure measure, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.EntryModel == EntryModel.Stichtage14Tage)
            return DiaAmEntryDates.NextOnOrAfter(measure, day);
        var entry = MeasureDays.NextMeasureDay(day < measure.Start ? measure.Start : day);
        return entry <= measure.End ? entry : null;
    }
}
