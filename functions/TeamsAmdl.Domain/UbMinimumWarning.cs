using System.Globalization;

namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-3: during the first 12 months of a UB measure the Jobcenter pays for the Mindestplatzzahl even if the
/// places are unused: warn when occupancy &lt; Mindestplatzzahl on a day in that period.
/// </summary>
public sealed record UbMinimumWarning(int Occupancy, int MinimumPlaces, DateOnly PaidUntil)
{
    /// <summary>Places paid for but not used.</summary>
    public int Unused => MinimumPlaces - Occupancy;

    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Die Belegung ({Occupancy}) liegt unter der Mindestplatzzahl ({MinimumPlaces}). Bis {PaidUntil:dd.MM.yyyy} " +
        $"bezahlt das Jobcenter {MinimumPlaces} Plätze, auch wenn sie nicht belegt sind: {Unused} ungenutzt.");

    /// <summary>The warning for <paramref name="day"/>, or null (not UB, outside the first 12 months, or occupancy high enough).</summary>
    public static UbMinimumWarning? Check(Measure measure, int occupancy, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Kind != MeasureKind.UbInbeq || !IntakeWindow.IsInFirstTwelveMonths(measure, day))
            return null;
        var minimum = measure.Capacity.MinimumPlaces ?? Mindestplatzzahl.For(measure.Capacity.Places);
        return occupancy < minimum ? new UbMinimumWarning(occupancy, minimum, IntakeWindow.Deadline(measure)) : null;
    }
}
