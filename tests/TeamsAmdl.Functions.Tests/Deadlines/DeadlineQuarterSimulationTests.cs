using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Deadlines.Functions;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Tests.Ratings;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// A quarter (1 Dec 2026 – 28 Feb 2027) on the fake clock through the timer function, twice a day: a DIA-AM measure with an
/// Abbruch on Friday 11.12. and an entry on 14.12., and a LAP measure with a month below 2 personal contacts. Every card
/// queued for them is checked by key and day: the IFK and the Betreuer on the Feedbackbogen's due day, the Betreuer the
/// first working day after a report's due day, the Koordinator on the 5th working day (24 and 31 December count,
/// Christmas and Neujahr do not). The second run of a day queues nothing at all; items ticked before their day never appear.
/// </summary>
public sealed class DeadlineQuarterSimulationTests(QueueOnlyAppFactory app) : IClassFixture<QueueOnlyAppFactory>
{
    private const string Dia = "962-D-SIM-0001";
    private const string Lap = "962-L-SIM-0001";
    private const string Ifk = "ifk-anna-zimmermann", Betreuer = "betr-01", Koordinator = "koord-yilmaz";
    private const string LapIfk = "ifk-lukas-braun", LapBetreuer = "betr-02";

    [Fact]
    public async Task A_quarter_of_deadlines_sends_each_notice_once_to_the_right_people_on_the_right_day()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        await app.AddMeasureAsync(Dia, MeasureKind.DiaAm, Betreuer, Koordinator, D("2026-09-01"), D("2027-08-31"));
        await app.AddParticipationAsync(new Participation(Dia, "TN-9001-01", D("2026-11-02"), D("2026-12-11"), ExitReason.Abbruch, Ifk));
        await app.AddParticipationAsync(new Participation(Dia, "TN-9001-02", D("2026-12-14"), IfkId: Ifk));
        await app.AddMeasureAsync(Lap, MeasureKind.LapProjekt, LapBetreuer, "koord-weber", D("2026-09-01"), D("2027-08-31"));
        await app.AddParticipationAsync(new Participation(Lap, "TN-9002-01", D("2026-10-01"), IfkId: LapIfk));

        var staff = app.Services.GetRequiredService<StaffRepository>();
        var betreuer = (await staff.GetAsync(Betreuer))!;
        var lapBetreuer = (await staff.GetAsync(LapBetreuer))!;
        var deadlines = app.Services.GetRequiredService<DeadlineService>();
        var contacts = app.Services.GetRequiredService<ContactImport>();
        var job = app.Services.GetRequiredService<DeadlineReminderJob>();
        var timer = new DeadlineReminderTimer(job, app.Time);
        var outbox = app.Services.GetRequiredService<Proactive>().Outbox;
        var firstSeen = new Dictionary<string, DateOnly>(StringComparer.Ordinal);

        for (var day = D("2026-12-01"); day <= D("2027-02-28"); day = day.AddDays(1))
        {
            app.Time.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero));
            // Ticked before their due day (Erwartungsbogen 14.12.) or on it (Bewirtschaftungsliste 10.12., Eintritt 14.12.): never announced.
            if (day == D("2026-12-10"))
            {
                Assert.True((await deadlines.MarkReceivedAsync(betreuer, Dia, "Bewirtschaftungsliste:2026-11", default)).Ok);
                Assert.True((await deadlines.MarkReceivedAsync(betreuer, Dia, "Erwartungsbogen:TN-9001-02:2026-12-14", default)).Ok);
            }
            if (day == D("2026-12-14")) Assert.True((await deadlines.MarkReceivedAsync(betreuer, Dia, "Eintrittsmeldung:TN-9001-02:2026-12-14", default)).Ok);
            if (day == D("2026-12-02"))
            {
                var imported = await contacts.RunAsync(lapBetreuer, Lap, System.Text.Encoding.UTF8.GetBytes(
                    "Kundenreferenz;Monat;Art;Anzahl;Bemerkung\nTN-9002-01;11.2026;persönlich;1;\nTN-9002-01;11.2026;Telefon;3;Termin verschoben\nTN-9002-01;10.2026;persönlich;2;\n"), default);
                Assert.True(imported.Ok, imported.Message);
                Assert.Equal(["TN-9002-01 11.2026"], imported.Value!.BelowMinimum);
            }

            await timer.Run(new TimerInfo(), CancellationToken.None);
            foreach (var key in (await outbox.ListAsync()).Select(e => e.MessageKey).Where(k => k.Contains("-SIM-", StringComparison.Ordinal)))
                firstSeen.TryAdd(key, day);

            // The second run of the day (a repeat after a crash, a second instance) finds nothing, for any measure.
            app.Time.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            var again = await job.RunOnceAsync(CancellationToken.None);
            Assert.Equal(new DeadlineReminderRun(0, 0), again);

            // Ticked after the overdue card went out: no escalation follows.
            if (day == D("2027-01-12")) Assert.True((await deadlines.MarkReceivedAsync(betreuer, Dia, "Bewirtschaftungsliste:2026-12", default)).Ok);
        }

        string[] expected =
        [
            $"deadline:{Dia}:Anwesenheit:2026-11:Overdue:{Betreuer} 2026-12-10",              // due Wed 9.12.
            $"deadline:{Lap}:contacts:TN-9002-01|2026-11 2026-12-02",                           // 1 personal contact (phone does not count)
            $"deadline:{Dia}:Austrittsmeldung:TN-9001-01:2026-12-11:Overdue:{Betreuer} 2026-12-14", // due on the last day, Fri 11.12.
            $"deadline:{Dia}:Anwesenheit:2026-11:Escalated:{Koordinator} 2026-12-16",           // 10, 11, 14, 15, 16
            $"deadline:{Dia}:Austrittsmeldung:TN-9001-01:2026-12-11:Escalated:{Koordinator} 2026-12-18", // 14 … 18
            $"deadline:{Dia}:Feedbackbogen:TN-9001-01:2026-12-11:DueToday:{Ifk} 2026-12-18",    // Abbruch + 1 week
            $"deadline:{Dia}:Feedbackbogen:TN-9001-01:2026-12-11:DueToday:{Betreuer} 2026-12-18",
            $"deadline:{Dia}:Abschlussbericht:TN-9001-01:2026-12-11:Overdue:{Betreuer} 2026-12-29", // due 25.12. → Mon 28.12.
            $"deadline:{Dia}:Abschlussbericht:TN-9001-01:2026-12-11:Escalated:{Koordinator} 2027-01-05", // 29, 30, 31, 4, 5 (Neujahr)
            $"deadline:{Dia}:Anwesenheit:2026-12:Overdue:{Betreuer} 2027-01-11",                // due Sat 9.1., not moved
            $"deadline:{Dia}:Bewirtschaftungsliste:2026-12:Overdue:{Betreuer} 2027-01-12",      // due Sun 10.1. → Mon 11.1.; ticked after
            $"deadline:{Dia}:Anwesenheit:2026-12:Escalated:{Koordinator} 2027-01-15",           // 11 … 15
            $"deadline:{Dia}:Anwesenheit:2027-01:Overdue:{Betreuer} 2027-02-10",
            $"deadline:{Dia}:Bewirtschaftungsliste:2027-01:Overdue:{Betreuer} 2027-02-11",
            $"deadline:{Dia}:Anwesenheit:2027-01:Escalated:{Koordinator} 2027-02-16",
            $"deadline:{Dia}:Bewirtschaftungsliste:2027-01:Escalated:{Koordinator} 2027-02-17",
        ];
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal),
            firstSeen.Select(kv => $"{kv.Key} {kv.Value:yyyy-MM-dd}").OrderBy(s => s, StringComparer.Ordinal));
    }
}
