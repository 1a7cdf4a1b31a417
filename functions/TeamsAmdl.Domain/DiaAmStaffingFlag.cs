using System.Globalization;

namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-4: up to 20 % above the average occupancy (Losblatt) needs no more staff; more than 20 % above
/// (occupancy &gt; 1.2 × average) requires the staff key (1 Sozialpädagoge : 6, 1 Psychologe : 12) within 4 weeks.
/// </summary>
public sealed record DiaAmStaffingFlag(int Occupancy, int AverageOccupancy, DateOnly StaffRequiredBy)
{
    public const int SozialpaedagogeKey = 6;
    public const int PsychologeKey = 12;
    public const int DeadlineDays = 28;

    public int SozialpaedagogenRequired => (Occupancy + SozialpaedagogeKey - 1) / SozialpaedagogeKey;
    public int PsychologenRequired => (Occupancy + PsychologeKey - 1) / PsychologeKey;

    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Die Belegung ({Occupancy}) liegt mehr als 20 % über der Durchschnittsbelegung ({AverageOccupancy}). " +
        $"Der Träger muss das Personal bis {StaffRequiredBy:dd.MM.yyyy} verstärken: {SozialpaedagogenRequired} Sozialpädagog(inn)en " +
        $"und {PsychologenRequired} Psycholog(inn)en.");

    /// <summary>The flag for an occupancy observed on <paramref name="day"/>, or null (not DIA-AM or ≤ 120 %).</summary>
    public static DiaAmStaffingFlag? Check(Measure measure, int occupancy, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Kind != MeasureKind.DiaAm || measure.Capacity.AverageOccupancy is not { } average)
            return null;
        // occupancy > 1.2 * average, in integers.
        return occupancy * 5 > average * 6 ? new DiaAmStaffingFlag(occupancy, average, day.AddDays(DeadlineDays)) : null;
    }
}
