namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>
/// The month-end utilisation of one measure on the report day (R-QA-5). Occupied/Places is the share of purchased
/// places in use. DIA-AM: TM consumed up to the report day (<see cref="TmContingent.Consumed"/>) against the TM planned
/// for that point, the contracted TM spread evenly over the measure's days (30E/360, <see cref="Teilnahmemonate"/>).
/// UB/InbeQ in its first 12 months with occupancy below the Mindestplatzzahl: <see cref="PaidButEmpty"/> places are
/// paid but empty (<see cref="UbMinimumWarning"/>).
/// </summary>
public sealed record MeasureUtilisation(
    string MeasureNumber,
    MeasureKind Kind,
    DateOnly ReportDay,
    int Places,
    int Occupied,
    decimal? TmConsumed = null,
    decimal? TmPlanned = null,
    decimal? TmContracted = null,
    int? MinimumPlaces = null,
    int PaidButEmpty = 0)
{
    /// <summary>Occupied / purchased places, 0–1 (above 1 only if more were admitted than bought).</summary>
    public decimal Rate => Places == 0 ? 0 : Math.Round((decimal)Occupied / Places, 4);

    /// <summary>DIA-AM: consumed / planned TM, or null.</summary>
    public decimal? TmRate => TmConsumed is { } c && TmPlanned is { } p && p > 0 ? Math.Round(c / p, 4) : null;

    public bool BelowMinimum => PaidButEmpty > 0;

    /// <summary>Computes the figures; <paramref name="participations"/> must be all of the measure's (ended ones too).</summary>
    public static MeasureUtilisation Compute(Measure measure, IReadOnlyCollection<Participation> participations, DateOnly reportDay)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(participations);
        var occupied = Occupancy.On(participations, reportDay);
        var result = new MeasureUtilisation(measure.Number, measure.Kind, reportDay, measure.Capacity.Places, occupied);
        if (measure.Kind == MeasureKind.DiaAm && measure.Capacity.ContractedTm is { } contracted)
        {
            var until = reportDay < measure.End ? reportDay : measure.End;
            var planned = contracted * Teilnahmemonate.Days(measure.Start, until) / Teilnahmemonate.Days(measure.Start, measure.End);
            result = result with
            {
                TmConsumed = Math.Round(TmContingent.Consumed(measure, participations, reportDay), 2),
                TmPlanned = Math.Round(planned, 2),
                TmContracted = contracted,
            };
        }
        if (UbMinimumWarning.Check(measure, occupied, reportDay) is { } warning)
            result = result with { MinimumPlaces = warning.MinimumPlaces, PaidButEmpty = warning.Unused };
        else if (measure.Kind == MeasureKind.UbInbeq)
            result = result with { MinimumPlaces = measure.Capacity.MinimumPlaces ?? Mindestplatzzahl.For(measure.Capacity.Places) };
        return result;
    }
}
