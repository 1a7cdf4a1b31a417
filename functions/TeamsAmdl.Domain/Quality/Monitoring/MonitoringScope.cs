namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>
/// Which measures the month-end monitoring covers (R-QA-5, seed 000 §7 "Einkaufsmaßnahmen"): the purchased ones —
/// Einkaufsmaßnahmen, DIA-AM and UB/InbeQ — that ran on the report day. AGH, LAP projects and Gutscheinmaßnahmen buy
/// no places, so there is no utilisation of purchased places to report.
/// </summary>
public static class MonitoringScope
{
    public static bool Covers(MeasureKind kind) => kind is MeasureKind.Einkaufsmassnahme or MeasureKind.DiaAm or MeasureKind.UbInbeq;

    public static bool Covers(Measure measure, DateOnly reportDay) =>
        Covers(measure.Kind) && measure.Start <= reportDay && measure.End >= reportDay;
}
