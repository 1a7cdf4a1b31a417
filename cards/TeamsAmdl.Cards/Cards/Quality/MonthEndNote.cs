namespace TeamsAmdl.Cards;

/// <summary>
/// The note column of a month-end row (R-QA-5) in the neutral wording of <see cref="CardTexts.Monitoring"/>: UB/InbeQ places paid but
/// empty, DIA-AM TM consumed against plan, otherwise a dash. Shared by <see cref="MonthEndCard"/> and the tab's Auslastung view.
/// </summary>
public static class MonthEndNote
{
    public static string For(MonthEndRow r) =>
        r.PaidButEmpty > 0 ? CardTexts.Monitoring.PaidButEmptyNote(r.PaidButEmpty)
        : r is { TmConsumed: { } used, TmPlanned: { } planned }
            ? CardTexts.Monitoring.TmNote(CardTexts.Monitoring.Tm(used), CardTexts.Monitoring.Tm(planned),
                planned > 0 ? CardTexts.Monitoring.Percent(used / planned) : null)
            : CardTexts.Common.Dash;
}
