using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Filing;

/// <summary>
/// Development only (function dev-filing-demo, POST api/dev/filing/demo[?measure={Maßnahmenummer}]): renders one
/// document of each kind for a demo measure (Bewertungsbogen, Maßnahmeinfo, Auslastungsbericht, Mängelschreiben-Entwurf)
/// and queues them; the worker files them into the local e-Akte folder (.data/e-akte) within a second. Calling it
/// again files nothing new: same content, same path.
/// </summary>
public sealed class FilingDemo(MeasureRepository measures, Names names, FilingOutbox outbox, FilingState state, JobcenterInfo jobcenter,
    TimeProvider time)
{
    /// <summary>Null if the measure (default: the first) does not exist.</summary>
    public async Task<FilingDemoRun?> RunAsync(string? measure, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var all = await measures.ListAsync(today, ct);
        var m = (measure is null ? all.FirstOrDefault() : all.FirstOrDefault(s => s.Measure.Number == measure))?.Measure;
        if (m is null)
            return null;
        var lookup = await names.LoadAsync(ct);
        var traeger = lookup.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId);
        var betreuer = lookup.Staff.GetValueOrDefault(m.BetreuerId, m.BetreuerId);
        var koordinator = lookup.Staff.GetValueOrDefault(m.KoordinatorId, m.KoordinatorId);
        var state0 = all.First(s => s.Measure.Number == m.Number);
        var capacity = m.Capacity.Places > 0 ? m.Capacity.Places : 10;
        var occupied = Math.Min(capacity, state0.Participations.Count(p => p.Exit is null || p.Exit >= today));
        var reserved = Math.Min(capacity - occupied, state0.ReservedRefs.Count);

        var week = System.Globalization.ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var days = Enumerable.Range(0, DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month))
            .Select(i => new AuslastungsTag(lastMonth.AddDays(i), Math.Max(0, occupied - (i % 5 == 0 ? 1 : 0)), i % 7 == 3 ? 1 : 0)).ToList();

        RenderedDocument[] documents =
        [
            new BewertungsbogenRenderer(jobcenter).Render(new BewertungsbogenInput(m.Number, m.Title, traeger, "Lieferantenbewertung",
                $"{(today.Month - 1) / 3 + 1}. Quartal {today.Year}", koordinator, today,
                [
                    new("Hard Facts", "Personalschlüssel laut Angebot eingehalten", "erfüllt"),
                    new("Hard Facts", "Anwesenheitslisten vollständig und fristgerecht", "erfüllt"),
                    new("Soft Facts", "Erreichbarkeit der Ansprechpersonen", "gut"),
                ], Auffaellig: false)),
            new MassnahmeinfoRenderer(jobcenter).Render(new MassnahmeinfoInput(m.Number, m.Title, traeger, m.Kind.German(), today.Year, week,
                monday, monday.AddDays(4), koordinator, betreuer, capacity, occupied, reserved,
                [new("Aus der Betreuung", ["Demo-Eintrag: keine besonderen Vorkommnisse."]), new("Termine", [])], today)),
            new AuslastungsberichtRenderer(jobcenter).Render(new AuslastungsberichtInput(m.Number, m.Title, traeger, m.Kind.German(),
                lastMonth.Year, lastMonth.Month, "Plätze", capacity, null, days, 1, 1, null, today)),
            new MaengelschreibenRenderer(jobcenter).Render(new MaengelschreibenInput(m.Number, m.Title, traeger, [m.Location],
                $"DEMO-{m.Number}", koordinator, null, null, today, "der Vor-Ort-Prüfung (Demo)",
                [new Mangel("Demo-Mangel: Anwesenheitslisten unvollständig.", "Leistungsbeschreibung", today.AddDays(14))], today.AddDays(21))),
        ];
        var receipts = new List<FilingReceipt>();
        foreach (var document in documents)
            receipts.Add(await outbox.EnqueueAsync(document.ToFilingDocument(), ct));
        return new FilingDemoRun(state.Target, state.Mode.ToString(), receipts);
    }
}
