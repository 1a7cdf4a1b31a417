namespace TeamsAmdl.Domain;

/// <summary>Why a capacity change was refused: the number is implausible for the kind, or below the places in use.</summary>
public enum CapacityRefusalKind
{
    /// <summary>More places than a measure of this kind can plausibly have (a typo or a probe, not a plan): 400.</summary>
    AboveMaximum,
    /// <summary>Fewer places than participants plus held places: the measure would be overbooked (409).</summary>
    BelowOccupancy,
}

/// <summary>A refused capacity change with its German explanation (naming the numbers).</summary>
public sealed record CapacityRefusal(CapacityRefusalKind Kind, string Message);

/// <summary>
/// R-CAP-1/-2: may a measure's places be set to a new number? Two bounds:
/// <list type="bullet">
/// <item>Upper: <see cref="MaxPlaces"/> per kind. The figures are about ten times the largest single measure (Los,
/// Losblatt, Rahmenvertrag share, AGH project) a Jobcenter buys, so every real contract fits and a typo such as
/// 2147483647 or 1200 for 12 does not announce thousands of free places to every IFK.</item>
/// <item>Lower: the places already in use — the most participants active on any day from today on (future entries
/// included) plus the places held by confirmed reservations and pending requests. A lower number would overbook.</item>
/// </list>
/// Non-positive numbers are <see cref="Capacity.Create"/>'s to refuse.
/// </summary>
public static class CapacityChange
{
    /// <summary>The most places a measure of <paramref name="kind"/> may have.</summary>
    public static int MaxPlaces(MeasureKind kind) => kind switch
    {
        MeasureKind.Einkaufsmassnahme => 250, // § 45 group measures: Lose of 8–25 places
        MeasureKind.DiaAm => 150,             // Losblatt Höchstbelegung: typically 10–15
        MeasureKind.UbInbeq => 300,           // Gesamtplatzzahl of a Rahmenvertrag share: tens of places
        MeasureKind.Agh => 500,               // AGH projects: up to a few dozen places each
        MeasureKind.LapProjekt => 250,        // local programme projects: small groups
        MeasureKind.Gutschein => 250,         // AVGS/BGS classes at one Träger
        _ => 250,
    };

    /// <summary>
    /// Places in use from <paramref name="today"/> on: the peak of participants active on any day (checked on today
    /// and every later entry date) plus <paramref name="heldPlaces"/>.
    /// </summary>
    public static int PlacesInUse(IReadOnlyCollection<Participation> participations, int heldPlaces, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(participations);
        var days = participations.Select(p => p.Entry).Where(d => d > today).Append(today);
        return days.Max(d => Occupancy.On(participations, d)) + Math.Max(0, heldPlaces);
    }

    /// <summary>Null if <paramref name="places"/> is allowed; otherwise the refusal.</summary>
    public static CapacityRefusal? Check(MeasureKind kind, int places, int placesInUse)
    {
        var max = MaxPlaces(kind);
        if (places > max)
            return new CapacityRefusal(CapacityRefusalKind.AboveMaximum,
                $"{places} Plätze sind nicht plausibel: Eine Maßnahme der Art {kind.German()} hat höchstens {max} Plätze.");
        if (places < placesInUse)
            return new CapacityRefusal(CapacityRefusalKind.BelowOccupancy,
                $"Die Platzzahl kann nicht auf {places} sinken: {placesInUse} Plätze sind belegt oder vorgemerkt.");
        return null;
    }
}
