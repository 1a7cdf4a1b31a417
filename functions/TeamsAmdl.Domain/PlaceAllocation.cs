using System.Globalization;

namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-2: giving places. Pure functions from the current counts to the new counts: the storage layer reads
/// the counts with their ETag, calls a function here and writes the returned counts with If-Match; on a conflict
/// it reads again and decides again. Thus a place is never given twice, also under concurrent requests.
/// </summary>
public static class PlaceAllocation
{
    public const string NoPlaceFreeMessage = "Kein Platz mehr frei.";
    public const string ContingentExhaustedMessage = "Das Kontingent an Teilnahmemonaten reicht für keine weitere Teilnahme.";
    public const string NotAMeasureDayMessage = "Der 24. und 31. Dezember sind keine Maßnahmetage.";

    /// <summary>One more confirmed reservation if a place is free: Reserved + 1 (and one contingent stay less).</summary>
    public static AllocationDecision TryReserve(PlaceCounts current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.FreeByCapacity <= 0)
            return AllocationDecision.Refuse(current, AllocationRefusal.NoPlaceFree, NoPlaceFreeMessage);
        if (current.ContingentStays is <= 0)
            return AllocationDecision.Refuse(current, AllocationRefusal.ContingentExhausted, ContingentExhaustedMessage);
        return AllocationDecision.Grant(current with
        {
            Reserved = current.Reserved + 1,
            ContingentStays = current.ContingentStays - 1,
        });
    }

    /// <summary>
    /// Checks the entry date against the measure (running, measure day, UB 12-month intake, DIA-AM entry dates),
    /// then <see cref="TryReserve"/>. <paramref name="current"/> must be the counts for <paramref name="entryDate"/>
    /// (<see cref="Occupancy.CountsFor"/>).
    /// </summary>
    public static AllocationDecision TryReserve(Measure measure, PlaceCounts current, DateOnly entryDate)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (entryDate < measure.Start || entryDate > measure.End)
            return AllocationDecision.Refuse(current, AllocationRefusal.OutsideMeasure,
                Format($"Der Eintritt am {entryDate:dd.MM.yyyy} liegt außerhalb der Maßnahmelaufzeit ({measure.Start:dd.MM.yyyy}–{measure.End:dd.MM.yyyy})."));
        if (!MeasureDays.IsMeasureDay(entryDate))
            return AllocationDecision.Refuse(current, AllocationRefusal.NotAMeasureDay,
                Format($"{NotAMeasureDayMessage} Nächster möglicher Eintritt: {MeasureDays.NextMeasureDay(entryDate):dd.MM.yyyy}."));
        if (!IntakeWindow.IsOpen(measure, entryDate))
            return AllocationDecision.Refuse(current, AllocationRefusal.IntakeClosed,
                Format($"Aufnahmen und Nachbesetzungen sind nur in den ersten 12 Monaten der Maßnahme möglich (bis {IntakeWindow.Deadline(measure):dd.MM.yyyy})."));
        if (measure.EntryModel == EntryModel.Stichtage14Tage && !DiaAmEntryDates.IsEntryDate(measure, entryDate))
        {
            var next = DiaAmEntryDates.NextOnOrAfter(measure, entryDate);
            return AllocationDecision.Refuse(current, AllocationRefusal.NotAnEntryDate, next is { } n
                ? Format($"Der {entryDate:dd.MM.yyyy} ist kein Eintrittstermin. Nächster Eintrittstermin: {n:dd.MM.yyyy}.")
                : Format($"Der {entryDate:dd.MM.yyyy} ist kein Eintrittstermin, und es folgt keiner mehr."));
        }
        return TryReserve(current);
    }

    /// <summary>The reserved participant entered: Reserved − 1, Occupied + 1.</summary>
    public static PlaceCounts ConfirmEntry(PlaceCounts current) =>
        current.Reserved > 0
            ? current with { Reserved = current.Reserved - 1, Occupied = current.Occupied + 1 }
            : throw new DomainValidationException(nameof(PlaceCounts.Reserved), "Es gibt keine Reservierung, die bestätigt werden kann.");

    /// <summary>A reservation was withdrawn: Reserved − 1, its contingent stay is available again.</summary>
    public static PlaceCounts Release(PlaceCounts current) =>
        current.Reserved > 0
            ? current with { Reserved = current.Reserved - 1, ContingentStays = current.ContingentStays + 1 }
            : throw new DomainValidationException(nameof(PlaceCounts.Reserved), "Es gibt keine Reservierung, die zurückgenommen werden kann.");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
