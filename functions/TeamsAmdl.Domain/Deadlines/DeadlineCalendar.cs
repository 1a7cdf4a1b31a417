namespace TeamsAmdl.Domain.Deadlines;

/// <summary>
/// Every deadline of one measure whose due day lies in [<paramref name="from"/>, <paramref name="until"/>] (SPEC §8):
/// per participant the Erwartungsbogen and, once exited, the Feedbackbogen (all kinds with an IFK); for DIA-AM and UB/InbeQ
/// also the entry and exit reports, the UB LuV at the end of each phase and after 12 months (while in the
/// Qualifizierungsphase, <see cref="UbPhases"/>) and the DIA-AM Abschlussbericht,
/// and per month of the measure the attendance and the Bewirtschaftungsliste. Pure: the caller passes the window.
/// </summary>
public static class DeadlineCalendar
{
    public static IReadOnlyList<DeadlineItem> For(Measure m, IEnumerable<Participation> participations, DateOnly from, DateOnly until)
    {
        var items = new List<DeadlineItem>();
        var reports = m.Kind is MeasureKind.DiaAm or MeasureKind.UbInbeq;
        void Add(DeadlineKind kind, Participation p, DateOnly eventDay, DateOnly due)
        {
            if (due >= from && due <= until)
                items.Add(new DeadlineItem(DeadlineItem.KeyFor(kind, p.CustomerRef, eventDay), kind, m.Number, p.CustomerRef, p.IfkId, eventDay, due));
        }

        foreach (var p in participations)
        {
            if (p.IfkId is not null) Add(DeadlineKind.Erwartungsbogen, p, p.Entry, DeadlineRules.Erwartungsbogen(p.Entry));
            if (p is { Exit: { } exit, ExitReason: { } reason } && p.IfkId is not null)
                Add(DeadlineKind.Feedbackbogen, p, exit, DeadlineRules.Feedbackbogen(reason, exit));
            if (!reports) continue;
            Add(DeadlineKind.Eintrittsmeldung, p, p.Entry, DeadlineRules.Eintrittsmeldung(p.Entry));
            if (p.Exit is { } last)
            {
                Add(DeadlineKind.Austrittsmeldung, p, last, DeadlineRules.Austrittsmeldung(last));
                if (m.Kind == MeasureKind.DiaAm) Add(DeadlineKind.Abschlussbericht, p, last, DeadlineRules.Abschlussbericht(last));
            }
            if (m.Kind == MeasureKind.UbInbeq)
            {
                // "während der Qualifizierungsphase nach einer Teilnahmedauer von 12 Monaten": only if in it on the 12 months' last day.
                var twelve = DeadlineRules.PeriodEnd(p.Entry, 12);
                if ((p.Exit is null || p.Exit > twelve) && UbPhases.On(p, twelve) == UbPhase.Qualifizierung)
                    Add(DeadlineKind.LuV12Monate, p, twelve, DeadlineRules.LuV12Monate(p.Entry));
                // A Nichtantritt never began a phase; otherwise every ended stretch (by a change or the exit) owes its LuV.
                if (p.ExitReason != ExitReason.Nichtantritt)
                    foreach (var period in UbPhases.Periods(p))
                        if (period.Until is { } phaseEnd && phaseEnd >= period.From)
                            Add(DeadlineKindLabels.LuVAtEndOf(period.Phase), p, phaseEnd, DeadlineRules.LuVPhasenende(phaseEnd));
            }
        }

        if (reports)
        {
            for (var month = new DateOnly(m.Start.Year, m.Start.Month, 1); month <= m.End; month = month.AddMonths(1))
            {
                var monthEnd = month.AddMonths(1).AddDays(-1);
                foreach (var (kind, due) in new[]
                         {
                             (DeadlineKind.Anwesenheit, DeadlineRules.Anwesenheit(month.Year, month.Month)),
                             (DeadlineKind.Bewirtschaftungsliste, DeadlineRules.Bewirtschaftungsliste(month.Year, month.Month)),
                         })
                    if (due >= from && due <= until)
                        items.Add(new DeadlineItem(DeadlineItem.KeyFor(kind, month.Year, month.Month), kind, m.Number, null, null, monthEnd, due));
            }
        }
        return items.OrderBy(i => i.Due).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
    }
}
