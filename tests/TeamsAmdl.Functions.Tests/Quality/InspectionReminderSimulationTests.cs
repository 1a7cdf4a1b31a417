using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Tests.Ratings;
using Xunit.Abstractions;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// 21.11.2026 to 31.01.2027 on the fake clock through the timer job (07:00 and 13:00 Berlin every day, plus on some days a
/// third run by a new job instance: a restarted app). The demo plan (measures start on the first of a month relative to
/// November 2026) gives exactly the reminders listed below; one date is moved by card on 22.12.; one recorded Mangel
/// reaches its deadline and is escalated once. Everything is counted in the outbox, so a run that sent twice would show.
/// </summary>
public sealed class InspectionReminderSimulationTests(QueueOnlyAppFactory app, ITestOutputHelper output) : IClassFixture<QueueOnlyAppFactory>
{
    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>(measure, inspection, date, slot, people) by hand from the demo measures.</summary>
    private static readonly (string Measure, string Inspection, string Date, int Slot, string[] To)[] Expected =
    [
        // 962-E-2026-0102 (01.09.2026, 9 months): 3 months 01.12.2026; 14-day slot due at once on 21.11. (10 days left).
        ("962-E-2026-0102", "regular-3", "2026-12-01", 14, ["koord-weber", "betr-02"]),
        ("962-E-2026-0102", "regular-3", "2026-12-01", 2, ["koord-weber", "betr-02"]),
        // 962-E-2026-0105 (01.03.2026, 18 months): 9 months 01.12.2026.
        ("962-E-2026-0105", "regular-9", "2026-12-01", 14, ["koord-weber", "betr-05"]),
        ("962-E-2026-0105", "regular-9", "2026-12-01", 2, ["koord-weber", "betr-05"]),
        // UB 962-U-2026-0304 (01.09.2026): 3 months 01.12.2026, Koordination koord-yilmaz.
        ("962-U-2026-0304", "regular-3", "2026-12-01", 14, ["koord-yilmaz", "betr-08"]),
        ("962-U-2026-0304", "regular-3", "2026-12-01", 2, ["koord-yilmaz", "betr-08"]),
        // 962-E-2026-0104 (01.10.2026, 6 months): 01.01.2027 → 04.01.; 14-day slot on 21.12.; moved to 12.01. on 22.12.
        ("962-E-2026-0104", "regular-3", "2027-01-04", 14, ["koord-weber", "betr-04"]),
        ("962-E-2026-0104", "regular-3", "2027-01-12", 14, ["koord-weber", "betr-04"]),
        ("962-E-2026-0104", "regular-3", "2027-01-12", 2, ["koord-weber", "betr-04"]),
        // DIA-AM 962-D-2026-0202 (01.04.2026): 9 months 01.01.2027 → 04.01.; DIA-AM 962-D-2026-0203 (01.10.2026): 3 months 04.01.
        ("962-D-2026-0202", "regular-9", "2027-01-04", 14, ["koord-yilmaz", "betr-02"]),
        ("962-D-2026-0202", "regular-9", "2027-01-04", 2, ["koord-yilmaz", "betr-02"]),
        ("962-D-2026-0203", "regular-3", "2027-01-04", 14, ["koord-yilmaz", "betr-03"]),
        ("962-D-2026-0203", "regular-3", "2027-01-04", 2, ["koord-yilmaz", "betr-03"]),
        // 962-E-2026-0103 (01.05.2026, 12 months): 9 months 01.02.2027; 962-E-2026-0107 (01.11.2026): 3 months 01.02.2027.
        ("962-E-2026-0103", "regular-9", "2027-02-01", 14, ["koord-weber", "betr-03"]),
        ("962-E-2026-0103", "regular-9", "2027-02-01", 2, ["koord-weber", "betr-03"]),
        ("962-E-2026-0107", "regular-3", "2027-02-01", 14, ["koord-weber", "betr-07"]),
        ("962-E-2026-0107", "regular-3", "2027-02-01", 2, ["koord-weber", "betr-07"]),
        // Not listed, by hand: 0101 (01.04.2027), 0106 and 0201 (03.05.2027), 0301 (01.03.2027: 14-day slot 15.02.) are after the
        // window; 0108, 0204, 0302, 0303 have no inspection left; AGH, LAP and vouchers have no rhythm.
    ];

    [Fact]
    public async Task Seventy_two_days_send_exactly_the_planned_reminders_and_one_escalation_none_twice()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        var job = Service<InspectionReminderJob>();

        // Monday 23.11.: 962-E-2026-0108's 3-month inspection (01.09.2026) is recorded with a Mangel; the Fachkraft S&QS
        // writes the letter with a deadline on Saturday 05.12. → Monday 07.12.; a serious second Mangel goes to Stufe 2 at once.
        for (var day = AppFactory.Now.Date; day <= new DateTime(2027, 1, 31); day = day.AddDays(1))
        {
            foreach (var hour in new[] { 6, 12 })
            {
                app.Time.Set(new DateTimeOffset(day.AddHours(hour), TimeSpan.Zero));
                await job.RunOnceAsync(CancellationToken.None);
            }
            if (day.Day is 1 or 8 or 15 or 29)
                await ActivatorUtilities.CreateInstance<InspectionReminderJob>(app.Services).RunOnceAsync(CancellationToken.None); // restarted app

            if (day == new DateTime(2026, 11, 23))
            {
                var rec = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/measures/962-E-2026-0108/inspections/regular-3/record", new
                {
                    findings = "Dokumentation lückenhaft.", contactType = 3,
                    maengel = new[] { new { description = "Förderpläne fehlen", serious = false }, new { description = "Gefährdung am Arbeitsplatz", serious = true } },
                });
                Assert.True(rec.IsSuccessStatusCode, await rec.Content.ReadAsStringAsync());
                var t = await app.ClientAs("sqs-krause").PostAsJsonAsync("/api/measures/962-E-2026-0108/maengel/regular-3-m1/transitions",
                    new { action = "Stufe1", deadline = "2026-12-05" });
                Assert.True(t.IsSuccessStatusCode, await t.Content.ReadAsStringAsync());
                var s2 = await app.ClientAs("sqs-krause").PostAsJsonAsync("/api/measures/962-E-2026-0108/maengel/regular-3-m2/transitions",
                    new { action = "Stufe2" });
                Assert.True(s2.IsSuccessStatusCode, await s2.Content.ReadAsStringAsync());
            }
            if (day == new DateTime(2026, 12, 22))
            {
                // "Termin verschieben" on the reminder card: 04.01.2027 → 12.01.2027.
                var betreuer = (await Service<StaffRepository>().GetAsync("betr-04"))!;
                var handler = Service<CardActionRegistry>().Find(CardVerbs.InspectionReschedule)!;
                var data = new JsonObject { [CardVerbs.MeasureNumberKey] = "962-E-2026-0104", [CardVerbs.InspectionIdKey] = "regular-3", [CardVerbs.InspectionDateInput] = "2027-01-12" };
                var result = await handler.HandleAsync(new CardActionContext(new Activity { Type = ActivityTypes.Invoke }, betreuer, CardVerbs.InspectionReschedule, data, "k1"), CancellationToken.None);
                Assert.Equal("Termin auf den 12.01.2027 verschoben.", Assert.IsType<CardActionResult.MessageResult>(result).Text);
            }
            if (day == new DateTime(2026, 12, 7))
            {
                // The deadline day itself: no escalation yet.
                var m = await Service<InspectionStore>().GetMangelAsync("962-E-2026-0108", "regular-3-m1", CancellationToken.None);
                Assert.Equal(MangelStatus.Stufe1, m!.Value.Status);
            }
        }

        var keys = (await Service<Proactive>().Outbox.ListAsync()).Select(e => e.MessageKey).ToList();
        var reminderKeys = keys.Where(k => k.StartsWith("inspection:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var expected = Expected.SelectMany(e => e.To.Select(p => $"inspection:{e.Measure}:{e.Inspection}:{e.Date}:{e.Slot}:{p}")).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{reminderKeys.Count} reminder cards, {keys.Count(k => k.StartsWith("mangel:", StringComparison.Ordinal))} Mängel notices");
        Assert.Equal(expected, reminderKeys);

        // The missed deadline: once, on Tuesday 08.12., by the timer, to both Fachkräfte S&QS; Stufe 2 (by hand) told Koordination and Betreuung.
        Assert.Equal(
        [
            "mangel:962-E-2026-0108:regular-3-m1:FristVersaeumt:sqs-krause",
            "mangel:962-E-2026-0108:regular-3-m1:FristVersaeumt:sqs-lehmann",
            "mangel:962-E-2026-0108:regular-3-m2:Stufe2:betr-08",
            "mangel:962-E-2026-0108:regular-3-m2:Stufe2:koord-weber",
        ], keys.Where(k => k.StartsWith("mangel:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var missed = (await Service<InspectionStore>().GetMangelAsync("962-E-2026-0108", "regular-3-m1", CancellationToken.None))!.Value;
        Assert.Equal(MangelStatus.SqsEinbezogen, missed.Status);
        var last = missed.History[^1];
        Assert.Equal(("system", "Frist versäumt", new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero)), (last.By, last.Action, last.At));
        Assert.Equal(3, missed.History.Count);
        app.Time.Set(AppFactory.Now);
    }
}
