namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// The numbers of one measure in the weekly Maßnahmeinfo: places, occupancy, confirmed reservations, free places
/// and the next entry date. The system computes them (pre-fill of the Betreuer card, R-INFO-1); a Betreuer or the
/// coordinator can correct occupancy and entry date through <see cref="WeeklyInputRules"/>, never the free places
/// directly: those always follow from the other numbers (R-CAP-2).
/// </summary>
/// <param name="Capacity">Places (UB Gesamtplatzzahl, DIA-AM maximum occupancy).</param>
/// <param name="Occupied">Participants in the measure.</param>
/// <param name="Reserved">Confirmed reservations not yet entered.</param>
/// <param name="FreePlaces">Places that can be given (0 while intake is closed).</param>
/// <param name="NextEntryDate">Next possible entry (null when intake is closed or none is left).</param>
/// <param name="IntakeOpen">Whether participants can still enter (UB: first 12 months; others: until the end).</param>
/// <param name="ContingentStays">DIA-AM: stays the TM contingent can still carry; null without contingent.</param>
public sealed record WeeklyFigures(int Capacity, int Occupied, int Reserved, int FreePlaces, DateOnly? NextEntryDate, bool IntakeOpen,
    int? ContingentStays = null)
{
    /// <summary>
    /// The system's figures of a measure on <paramref name="today"/>, the same way the measures API computes them:
    /// occupancy today (DIA-AM: projected stays), free places for the default entry date (DIA-AM: the next 14-day
    /// entry date, capped by the TM contingent), nothing free once intake has closed. With running entry (laufender
    /// Einstieg) a full measure has no next entry date.
    /// </summary>
    public static WeeklyFigures System(Measure m, IReadOnlyCollection<Participation> participations, int reserved, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(participations);
        var running = today <= m.End;
        var entry = DefaultEntryDate(m, today);
        var counts = Occupancy.CountsFor(m, participations, reserved, running ? entry : m.End);
        var occupied = m.Kind == MeasureKind.DiaAm
            ? participations.Count(p => DiaAmStay.IsActiveOn(m, p, today))
            : Occupancy.On(participations, today);
        var intakeOpen = running && IntakeWindow.IsOpen(m, entry);
        var free = intakeOpen ? counts.Free : 0;
        // Running entry: the next entry is "now" only while a place is free; fixed dates (DIA-AM) are shown anyway.
        var next = intakeOpen && (free > 0 || m.EntryModel != EntryModel.Laufend) ? entry : (DateOnly?)null;
        return new WeeklyFigures(m.Capacity.Places, occupied, Math.Max(0, reserved), free, next, intakeOpen, counts.ContingentStays);
    }

    /// <summary>DIA-AM: the next 14-day entry date; other kinds: today, or the start if the measure has not begun.</summary>
    public static DateOnly DefaultEntryDate(Measure m, DateOnly today) =>
        m.EntryModel == EntryModel.Stichtage14Tage
            ? DiaAmEntryDates.NextOnOrAfter(m, today) ?? m.End
            : (today < m.Start ? m.Start : MeasureDays.NextMeasureDay(today));

    /// <summary>Same occupancy and entry date as <paramref name="other"/> (what a Betreuer can change).</summary>
    public bool SameReportAs(WeeklyFigures other) => Occupied == other.Occupied && NextEntryDate == other.NextEntryDate;
}
