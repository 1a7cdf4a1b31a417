using System.Globalization;

namespace TeamsAmdl.Domain;

/// <summary>
/// Extending an individual stay beyond its standard duration (a new <see cref="Participation.PlannedEnd"/>):
/// <list type="bullet">
/// <item>DIA-AM (R-CAP-4): 12 weeks + at most 4 weeks, so the last day is at most entry + 16 weeks − 1 day.</item>
/// <item>UB/InbeQ (R-CAP-3): 24 months + at most 12 months, so the last day is at most entry + 36 months − 1 day.</item>
/// </list>
/// Never beyond the measure end. Other kinds have no individual duration in the SPEC, so there is nothing to extend.
/// </summary>
public static class ParticipationExtension
{
    public const int UbStandardMonths = 24;
    public const int UbMaxExtensionMonths = 12;

    /// <summary>Whether stays of this kind have a standard duration that can be extended.</summary>
    public static bool Applies(MeasureKind kind) => kind is MeasureKind.DiaAm or MeasureKind.UbInbeq;

    /// <summary>Last day of the standard stay (not capped at the measure end).</summary>
    public static DateOnly StandardLastDay(MeasureKind kind, DateOnly entry) => kind == MeasureKind.DiaAm
        ? entry.AddDays(DiaAmStay.StandardWeeks * 7 - 1)
        : entry.AddMonths(UbStandardMonths).AddDays(-1);

    /// <summary>Latest last day an extension may reach (not capped at the measure end).</summary>
    public static DateOnly LatestLastDay(MeasureKind kind, DateOnly entry) => kind == MeasureKind.DiaAm
        ? entry.AddDays((DiaAmStay.StandardWeeks + DiaAmStay.MaxExtensionWeeks) * 7 - 1)
        : entry.AddMonths(UbStandardMonths + UbMaxExtensionMonths).AddDays(-1);

    /// <summary>Null if <paramref name="participation"/> may be extended to end on <paramref name="until"/>; otherwise why not, in German.</summary>
    public static string? Check(Measure measure, Participation participation, DateOnly until)
    {
        if (!Applies(measure.Kind))
            return "Verlängerungen gibt es nur bei DIA-AM (bis zu 4 Wochen) und UB/InbeQ (bis zu 12 Monate).";
        if (participation.Exit is not null)
            return Format($"{participation.CustomerRef} ist bereits zum {participation.Exit:dd.MM.yyyy} ausgetreten; die Teilnahme kann nicht mehr verlängert werden.");
        var standard = StandardLastDay(measure.Kind, participation.Entry);
        var latest = LatestLastDay(measure.Kind, participation.Entry);
        var limit = measure.Kind == MeasureKind.DiaAm ? "höchstens 4 Wochen" : "höchstens 12 Monate";
        if (until <= standard)
            return Format($"Das neue Ende ({until:dd.MM.yyyy}) muss nach dem regulären Ende der Teilnahme ({standard:dd.MM.yyyy}) liegen.");
        if (until > latest)
            return Format($"Verlängert werden kann um {limit}, für {participation.CustomerRef} also bis längstens {latest:dd.MM.yyyy}.");
        if (until > measure.End)
            return Format($"Das neue Ende ({until:dd.MM.yyyy}) liegt nach dem Maßnahmeende ({measure.End:dd.MM.yyyy}).");
        return null;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
