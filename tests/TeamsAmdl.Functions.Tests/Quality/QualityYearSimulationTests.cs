using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Calendar;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Quality.Inspections;
using TeamsAmdl.Functions.Quality.Inspections.Functions;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Quality.Monitoring.Functions;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Seeding;
using TeamsAmdl.Functions.Tests.Ratings;
using Xunit.Abstractions;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// Issue 15 "done when": a simulated year (21.11.2026–20.11.2027) for the demo Jobcenter through the three quality timer
/// functions (InspectionReminderTimer, MonthEndTimer, AfterEndTimer), each firing twice a day (06:30 and 14:00 UTC), and on
/// the 1st and 15th of every month and the crash days a third time from fresh job instances (a restarted app).
/// <para>Inspections (R-QA-1…3), done as people would through the API and the cards: the first regular inspections of
/// 0102, 0105, 0203, 0301, 0201, 0106 and 0304 recorded (0304 a week early); Mängel: one fixed before its deadline, one
/// serious (Stufe 2 at once), one whose deadline (Karfreitag) moves past Easter, is missed, escalated once to both
/// Fachkräfte S&amp;QS and walked on to Stufe 2 and "Leitung informiert"; an ad-hoc inspection; a date moved and one
/// confirmed by card; 0203's start and end moved through PUT api/measures. Expected reminders: every demo measure's plan
/// from the domain (<see cref="InspectionPlanModel"/>), plus a hand-computed spot list.</para>
/// <para>Monitoring (R-QA-4/5): one month-end card per month (Nov 2026 – Oct 2027) to the Teamleitung of every team with a
/// covered measure running on the last working day and to the GF; for every Einkaufsmaßnahme/DIA-AM/UB that ends, the
/// Abschlussbericht task on the first working day after the end and, 6 months after the end, the Eingliederungserfolg
/// task, to Koordinator:in and Betreuer:in; one reminder for each task not done by its due date. Half of the reviews are
/// done through the API the day they open (no reminder), one Eingliederungserfolg through its card. Two simulated crashes
/// (the month's row lost after the cards went out; a task row not saved after its card was queued), and a third: the
/// escalation's row not saved after its notices were queued.</para>
/// The outbox holds exactly the expected "inspection:", "mangel:" and "quality:" keys, and its queue carries each once.
/// </summary>
public sealed class QualityYearSimulationTests(QueueOnlyAppFactory app, ITestOutputHelper output) : IClassFixture<QueueOnlyAppFactory>
{
    private static readonly DateOnly First = new(2026, 11, 21);
    private static readonly DateOnly Last = new(2027, 11, 20);
    private static readonly string[] Prefixes = ["inspection:", "mangel:", "quality:"];
    private const string RecordedByCard = "962-E-2026-0104";

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_year_of_quality_timers_sends_exactly_the_expected_reminders_escalations_month_end_cards_and_tasks_once()
    {
        _ = app.CreateClient();
        var clock = Stopwatch.StartNew();
        var anchor = new DateOnly(2026, 11, 1);
        var demo = DemoData.Measures(anchor);
        var measures = demo.Where(m => MonitoringScope.Covers(m.Kind)).ToList();
        var reviewedByApi = measures.Where((m, i) => m.Kind == MeasureKind.Einkaufsmassnahme && i % 2 == 0).Select(m => m.Number).ToHashSet();
        var plan = new InspectionPlanModel(demo);
        var expectedReminders = new SortedSet<string>(StringComparer.Ordinal);
        var handler = app.Services.GetServices<ICardActionHandler>().OfType<QualityTaskCompleteHandler>().Single();
        var tables = app.Service<MonitoringTables>();
        var crashedMonth = false;
        var crashedTask = false;
        string? adhocId = null;
        try
        {
            for (var day = First; day <= Last; day = day.AddDays(1))
            {
                var restart = day.Day is 1 or 15 || day == D("2027-03-31");
                await RunTimersAsync(day, 6, 30, fresh: false, plan, expectedReminders);
                if (day == D("2027-03-31")) await LoseEscalationRowAsync();
                adhocId = await PeopleAtWorkAsync(day, plan, adhocId);
                await RunTimersAsync(day, 14, 0, fresh: false, plan, expectedReminders);
                if (restart) await RunTimersAsync(day, 15, 0, fresh: true, plan, expectedReminders);

                // Crash 1: the March report went out, but the run died before its row was written.
                if (day == D("2027-03-31") && !crashedMonth)
                {
                    await tables.MonthEnd.DeleteEntityAsync("month-end", "2027-03");
                    crashedMonth = true;
                }
                foreach (var task in await app.Service<MonitoringStore>().ListTasksAsync(CancellationToken.None))
                {
                    if (task.OpenedAt is null || task.Done) continue;
                    // Crash 2: the first task's card was queued, its row not saved: the next run opens it again (same keys).
                    if (!crashedTask)
                    {
                        var row = (await tables.Tasks.GetEntityAsync<TableEntity>(task.MeasureNumber, task.Kind.ToString())).Value;
                        row["OpenedAt"] = null;
                        await tables.Tasks.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
                        crashedTask = true;
                        continue;
                    }
                    if (task.Kind == AfterEndTaskKind.Abschlussbericht && reviewedByApi.Contains(task.MeasureNumber))
                    {
                        using var response = await app.ClientAs(DemoData.CoordinatorId)
                            .PostAsync($"/api/quality/tasks/{task.MeasureNumber}/Abschlussbericht/complete", null);
                        Assert.Equal(200, (int)response.StatusCode);
                    }
                    if (task.Kind == AfterEndTaskKind.Eingliederungserfolg && task.MeasureNumber == RecordedByCard)
                        await RecordOutcomeByCardAsync(handler, measures.Single(m => m.Number == RecordedByCard).BetreuerId);
                }
            }
            Assert.True(crashedMonth && crashedTask);
            Assert.NotNull(adhocId);
            var simulated = clock.Elapsed;

            var entries = (await app.Service<Proactive>().Outbox.ListAsync())
                .Where(e => Prefixes.Any(p => e.MessageKey.StartsWith(p, StringComparison.Ordinal))).ToList();
            var queued = await QueuedKeysAsync();
            var actual = entries.Select(e => e.MessageKey).Order(StringComparer.Ordinal).ToList();
            var sentOn = entries.ToDictionary(e => e.MessageKey, e => BerlinCalendar.DateOf(e.EnqueuedAt!.Value), StringComparer.Ordinal);

            var expected = new SortedSet<string>(expectedReminders, StringComparer.Ordinal);
            expected.UnionWith(ExpectedNotices);
            var tasksOpened = ExpectedMonitoring(measures, reviewedByApi, expected);
            var months = actual.Count(k => k.StartsWith("quality:month-end:", StringComparison.Ordinal));
            output.WriteLine($"Simulated {Last.DayNumber - First.DayNumber + 1} days in {simulated.TotalSeconds:0.0} s.");
            output.WriteLine($"{actual.Count} outbox keys ({queued.Count} queue messages): " +
                             $"{actual.Count(k => k.StartsWith("inspection:", StringComparison.Ordinal))} inspection reminders " +
                             $"({actual.Count(k => k.Contains(":14:", StringComparison.Ordinal))} at 14 days, {actual.Count(k => k.Contains(":2:", StringComparison.Ordinal) && k.StartsWith("inspection:", StringComparison.Ordinal))} at 2 days), " +
                             $"{actual.Count(k => k.StartsWith("mangel:", StringComparison.Ordinal))} Mängel notices, {months} month-end cards, {tasksOpened} tasks, " +
                             $"{actual.Count(k => k.Contains(":Open:", StringComparison.Ordinal))} task cards, " +
                             $"{actual.Count(k => k.Contains(":Reminder:", StringComparison.Ordinal))} task reminders");

            // Exactly the expected set; none twice: one status row per key, and one queue message per key (a second
            // enqueue of a key that has a row is refused by the outbox, a re-sent stranded one would show here).
            Assert.Equal(expected.ToList(), actual);
            Assert.Equal(entries.Count, actual.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(actual, queued.Order(StringComparer.Ordinal).ToList());

            // Hand-computed inspection reminders: key → the day it was queued.
            foreach (var (key, day) in HandReminders(adhocId!))
                Assert.True(sentOn.TryGetValue(key, out var on) && on == day, $"{key}: expected on {day:dd.MM.yyyy}, " + (sentOn.ContainsKey(key) ? $"was {sentOn[key]:dd.MM.yyyy}" : "missing"));
            foreach (var key in HandAbsent)
                Assert.DoesNotContain(key, actual);
            foreach (var (key, day) in HandNotices)
                Assert.Equal((key, day), (key, sentOn[key]));

            var store = app.Service<InspectionStore>();
            Assert.Equal(MangelStatus.Behoben, (await store.GetMangelAsync("962-E-2026-0102", "regular-3-m1", default))!.Value.Status);
            var missed = (await store.GetMangelAsync("962-U-2026-0301", "regular-9-m1", default))!.Value;
            Assert.Equal(MangelStatus.LeitungInformiert, missed.Status);
            Assert.Equal(
                [
                    ("sqs-lehmann", MangelStatus.Stufe1, D("2027-03-02")), ("system", MangelStatus.SqsEinbezogen, D("2027-03-31")),
                    ("sqs-lehmann", MangelStatus.Stufe2, D("2027-04-06")), ("sqs-lehmann", MangelStatus.LeitungInformiert, D("2027-04-13")),
                ],
                missed.History.Skip(1).Select(h => (h.By, h.To, BerlinCalendar.DateOf(h.At))));

            // Monitoring spot checks (12 months × (4 team leads + GF); 0104 ended 31.03.2027).
            Assert.Equal(12 * 5, months);
            Assert.Contains(AfterEndJob.CardKey("962-E-2026-0104", AfterEndTaskKind.Abschlussbericht, AfterEndDue.Open, DemoData.CoordinatorId), actual);
            Assert.Contains(AfterEndJob.CardKey("962-E-2026-0104", AfterEndTaskKind.Eingliederungserfolg, AfterEndDue.Open, DemoData.CoordinatorId), actual);
            Assert.DoesNotContain(AfterEndJob.CardKey("962-E-2026-0104", AfterEndTaskKind.Eingliederungserfolg, AfterEndDue.Reminder, DemoData.CoordinatorId), actual);
            Assert.Contains(AfterEndJob.CardKey("962-E-2026-0107", AfterEndTaskKind.Eingliederungserfolg, AfterEndDue.Reminder, DemoData.CoordinatorId), actual);
            var monitoring = app.Service<MonitoringStore>();
            var recorded = await monitoring.GetTaskAsync(RecordedByCard, AfterEndTaskKind.Eingliederungserfolg, CancellationToken.None);
            Assert.Equal((D("2027-09-30"), D("2027-10-14"), 1, 1), (recorded!.OpensOn, recorded.DueOn, recorded.Integrated, recorded.NotIntegrated));
            Assert.Null(recorded.RemindedAt);
            var late = await monitoring.GetTaskAsync("962-E-2026-0107", AfterEndTaskKind.Eingliederungserfolg, CancellationToken.None);
            // Ended 30.04.2027: six months on is Saturday 30.10., Monday 01.11. is All Saints' Day in Baden-Württemberg.
            Assert.Equal((D("2027-11-02"), D("2027-11-16")), (late!.OpensOn, late.DueOn));
            Assert.NotNull(late.RemindedAt);
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }

    /// <summary>The three timer functions as the host calls them; <paramref name="fresh"/>: new job instances (a restarted app).</summary>
    private async Task RunTimersAsync(DateOnly day, int hour, int minute, bool fresh, InspectionPlanModel plan, SortedSet<string> expected)
    {
        app.Time.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero));
        expected.UnionWith(plan.Due(day));
        var inspections = fresh ? ActivatorUtilities.CreateInstance<InspectionReminderJob>(app.Services) : app.Service<InspectionReminderJob>();
        var monthEnd = fresh ? ActivatorUtilities.CreateInstance<MonthEndJob>(app.Services) : app.Service<MonthEndJob>();
        var afterEnd = fresh ? ActivatorUtilities.CreateInstance<AfterEndJob>(app.Services) : app.Service<AfterEndJob>();
        await new InspectionReminderTimer(inspections, app.Time).Run(new TimerInfo(), CancellationToken.None);
        await new MonthEndTimer(monthEnd, app.Time).Run(new TimerInfo(), CancellationToken.None);
        await new AfterEndTimer(afterEnd, app.Time).Run(new TimerInfo(), CancellationToken.None);
    }

    /// <summary>What people do between the morning and the afternoon run; returns the ad-hoc inspection's id once announced.</summary>
    private async Task<string?> PeopleAtWorkAsync(DateOnly day, InspectionPlanModel plan, string? adhocId)
    {
        switch (day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        {
            case "2026-12-01":
                // The 3-month visit at 0102 finds a defect; the 9-month visit at 0105 a serious one.
                await RecordAsync("koord-weber", "962-E-2026-0102", "regular-3", null, plan, new { description = "Förderpläne unvollständig", serious = false });
                await RecordAsync("koord-weber", "962-E-2026-0105", "regular-9", null, plan, new { description = "Gefährdung am Arbeitsplatz", serious = true });
                break;
            case "2026-12-02":
                Assert.Equal("2026-12-18", (await TransitionAsync("sqs-krause", "962-E-2026-0102", "regular-3-m1", "Stufe1", "2026-12-18")).GetProperty("deadline").GetString());
                await TransitionAsync("sqs-krause", "962-E-2026-0105", "regular-9-m1", "Stufe2"); // serious: REZ at once
                break;
            case "2026-12-16":
                await TransitionAsync("betr-02", "962-E-2026-0102", "regular-3-m1", "Behoben"); // two days before the deadline
                break;
            case "2026-12-28":
                // The DIA-AM 0203 starts two weeks later than entered (01.10. → 15.10.2026, 24 months): its plan moves with it.
                var put = await app.ClientAs("koord-yilmaz").PutAsJsonAsync("/api/measures/962-D-2026-0203", new { start = "2026-10-15", end = "2028-10-14" });
                Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
                plan.ChangeDates("962-D-2026-0203", D("2026-10-15"), D("2028-10-14"));
                break;
            case "2027-01-15":
                await RecordAsync("koord-yilmaz", "962-D-2026-0203", "regular-3", null, plan);
                break;
            case "2027-03-01":
                await RecordAsync("koord-yilmaz", "962-U-2026-0301", "regular-9", null, plan,
                    new { description = "Anwesenheitslisten werden nicht tagesaktuell geführt", serious = false });
                break;
            case "2027-03-02":
                // Karfreitag 26.03. → Saturday, Easter Sunday, Easter Monday → Tuesday 30.03.2027.
                Assert.Equal("2027-03-30", (await TransitionAsync("sqs-lehmann", "962-U-2026-0301", "regular-9-m1", "Stufe1", "2027-03-26")).GetProperty("deadline").GetString());
                break;
            case "2027-03-30":
                // The deadline day itself: not escalated yet.
                Assert.Equal(MangelStatus.Stufe1, (await app.Service<InspectionStore>().GetMangelAsync("962-U-2026-0301", "regular-9-m1", default))!.Value.Status);
                break;
            case "2027-04-06":
                await TransitionAsync("sqs-lehmann", "962-U-2026-0301", "regular-9-m1", "Stufe2");
                break;
            case "2027-04-13":
                await TransitionAsync("sqs-lehmann", "962-U-2026-0301", "regular-9-m1", "LeitungInformieren");
                break;
            case "2027-04-20":
                // On the 14-day reminder cards: 0106's visit moves from 03.05. to 11.05.; 0201's is confirmed for 03.05.
                Assert.Equal("Termin auf den 11.05.2027 verschoben.", await CardAsync("betr-06", CardVerbs.InspectionReschedule, "962-E-2026-0106", "regular-9", "2027-05-11"));
                plan.Move("962-E-2026-0106", "regular-9", D("2027-05-11"));
                Assert.Equal("Termin am 03.05.2027 bestätigt.", await CardAsync("koord-yilmaz", CardVerbs.InspectionConfirm, "962-D-2026-0201", "regular-9", null));
                plan.Confirm("962-D-2026-0201", "regular-9");
                break;
            case "2027-05-03":
                var adhoc = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/measures/962-E-2026-0101/inspections",
                    new { date = "2027-05-20", note = "Hinweise auf unbesetzte Plätze" });
                Assert.Equal(201, (int)adhoc.StatusCode);
                adhocId = (await adhoc.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                plan.Announce("962-E-2026-0101", adhocId, D("2027-05-20"));
                await RecordAsync("koord-yilmaz", "962-D-2026-0201", "regular-9", null, plan);
                break;
            case "2027-05-11":
                await RecordAsync("betr-06", "962-E-2026-0106", "regular-9", null, plan);
                break;
            case "2027-05-20":
                await RecordAsync("koord-weber", "962-E-2026-0101", adhocId!, null, plan, contactType: 6);
                break;
            case "2027-05-25":
                // Held a week before its planned 01.06.: the 2-day reminder never goes out.
                await RecordAsync("koord-yilmaz", "962-U-2026-0304", "regular-9", day, plan);
                break;
        }
        return adhocId;
    }

    /// <summary>
    /// Crash 3: the morning run queued the missed-deadline notices, then died before the Mangel's row was saved; the
    /// afternoon run finds it in Stufe 1 again, repeats the step and queues nothing twice.
    /// </summary>
    private async Task LoseEscalationRowAsync()
    {
        var store = app.Service<InspectionStore>();
        var escalated = (await store.GetMangelAsync("962-U-2026-0301", "regular-9-m1", default))!;
        Assert.Equal(MangelStatus.SqsEinbezogen, escalated.Value.Status);
        var before = escalated.Value with { Status = MangelStatus.Stufe1, History = escalated.Value.History.SkipLast(1).ToList() };
        await store.SaveAsync(before, escalated.ETag, default);
    }

    private async Task RecordAsync(string by, string number, string id, DateOnly? held, InspectionPlanModel plan, object? mangel = null, int contactType = 3)
    {
        var response = await app.ClientAs(by).PostAsJsonAsync($"/api/measures/{number}/inspections/{id}/record", new
        {
            date = held?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            findings = "Begehung ohne Auffälligkeiten außer den genannten.", contactType,
            maengel = mangel is null ? Array.Empty<object>() : [mangel],
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        plan.Record(number, id, D(view.GetProperty("date").GetString()!));
    }

    private async Task<JsonElement> TransitionAsync(string by, string number, string mangel, string action, string? deadline = null)
    {
        var response = await app.ClientAs(by).PostAsJsonAsync($"/api/measures/{number}/maengel/{mangel}/transitions", new { action, deadline });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A button on the inspection reminder card, as Teams sends it; returns the message shown.</summary>
    private async Task<string> CardAsync(string by, string verb, string number, string id, string? date)
    {
        var person = (await app.Service<StaffRepository>().GetAsync(by))!;
        var data = new JsonObject { [CardVerbs.MeasureNumberKey] = number, [CardVerbs.InspectionIdKey] = id };
        if (date is not null) data[CardVerbs.InspectionDateInput] = date;
        var result = await app.Service<CardActionRegistry>().Find(verb)!.HandleAsync(
            new CardActionContext(new Activity { Type = ActivityTypes.Invoke }, person, verb, data, "k-" + verb), CancellationToken.None);
        return Assert.IsType<CardActionResult.MessageResult>(result).Text;
    }

    private async Task RecordOutcomeByCardAsync(QualityTaskCompleteHandler handler, string betreuerId)
    {
        var betreuer = (await app.Service<StaffRepository>().GetAsync(betreuerId))!;
        var data = new JsonObject
        {
            [CardVerbs.QualityMeasureKey] = RecordedByCard, [CardVerbs.QualityTaskKey] = "Eingliederungserfolg",
            [CardVerbs.QualityIntegratedInput] = "99", [CardVerbs.QualityNotIntegratedInput] = "1",
        };
        var tooMany = await handler.HandleAsync(new CardActionContext(new Activity(), betreuer, CardVerbs.QualityTaskComplete, data, "k1"), CancellationToken.None);
        Assert.Equal("too_many", Assert.IsType<CardActionResult.ErrorResult>(tooMany).Code);
        data[CardVerbs.QualityIntegratedInput] = "1";
        var done = await handler.HandleAsync(new CardActionContext(new Activity(), betreuer, CardVerbs.QualityTaskComplete, data, "k2"), CancellationToken.None);
        Assert.Contains("1 integriert, 1 nicht integriert", Assert.IsType<CardActionResult.CardResult>(done).ReplacementCard.ToJson());
    }

    /// <summary>Every message of the outbox queue (no worker runs here), by key, for the quality prefixes.</summary>
    private async Task<List<string>> QueuedKeysAsync()
    {
        var queue = app.Service<QueueServiceClient>().GetQueueClient((app.TablePrefix + ProactiveSetup.OutboxQueue).ToLowerInvariant());
        var keys = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value;
            if (batch.Length == 0) break;
            keys.AddRange(batch.Select(m => Outbox.MessageKeyOf(m.Body.ToString())).OfType<string>()
                .Where(k => Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))));
        }
        return keys;
    }

    /// <summary>Month-end cards, task cards and task reminders (as in the monitoring rules); returns the number of tasks opened.</summary>
    private static int ExpectedMonitoring(IReadOnlyList<Measure> measures, HashSet<string> reviewedByApi, SortedSet<string> expected)
    {
        // 0203's later start (28.12.) changes neither: it runs through the year either way and ends in 2028.
        for (var month = new ReportMonth(2026, 11); month.ReportDay <= Last; month = ReportMonth.Of(month.First.AddMonths(1)))
        {
            foreach (var team in measures.Where(m => MonitoringScope.Covers(m, month.ReportDay)).Select(m => m.TeamId).Distinct())
                foreach (var lead in DemoData.Staff.Where(s => s.Has(StaffRole.Teamleitung) && s.TeamId == team))
                    expected.Add(MonthEndJob.TeamCardKey(month, team, lead.Id));
            expected.Add(MonthEndJob.AllCardKey(month, "gf-hartmann"));
        }
        var tasksOpened = 0;
        foreach (var m in measures.Where(m => m.End < Last))
        {
            foreach (var task in AfterEndSchedule.For(m).Where(p => p.OpensOn <= Last))
            {
                tasksOpened++;
                var done = task.Kind == AfterEndTaskKind.Abschlussbericht ? reviewedByApi.Contains(m.Number) : m.Number == RecordedByCard;
                var remindedOn = WorkingDays.OnOrAfter(task.DueOn.AddDays(1));
                foreach (var person in new[] { m.KoordinatorId, m.BetreuerId }.Distinct())
                {
                    expected.Add(AfterEndJob.CardKey(m.Number, task.Kind, AfterEndDue.Open, person));
                    if (!done && remindedOn <= Last) expected.Add(AfterEndJob.CardKey(m.Number, task.Kind, AfterEndDue.Reminder, person));
                }
            }
        }
        return tasksOpened;
    }

    /// <summary>Mängel notices by hand (the fixed one sends none: Stufe 1 and "behoben" are no notices).</summary>
    private static readonly string[] ExpectedNotices =
    [
        "mangel:962-E-2026-0105:regular-9-m1:Stufe2:betr-05",          // serious: Stufe 2 at once, to Betreuung …
        "mangel:962-E-2026-0105:regular-9-m1:Stufe2:koord-weber",      // … and Koordination
        "mangel:962-U-2026-0301:regular-9-m1:FristVersaeumt:sqs-krause", // missed: both Fachkräfte S&QS
        "mangel:962-U-2026-0301:regular-9-m1:FristVersaeumt:sqs-lehmann",
        "mangel:962-U-2026-0301:regular-9-m1:Stufe2:betr-05",
        "mangel:962-U-2026-0301:regular-9-m1:Stufe2:koord-yilmaz",
        "mangel:962-U-2026-0301:regular-9-m1:LeitungInformieren:gf-hartmann", // Geschäftsleitung and the team's Teamleitung (U25)
        "mangel:962-U-2026-0301:regular-9-m1:LeitungInformieren:tl-schubert",
    ];

    private static (string Key, DateOnly On)[] HandNotices =>
    [
        ("mangel:962-E-2026-0105:regular-9-m1:Stufe2:koord-weber", D("2026-12-02")),
        // Deadline Tuesday 30.03. (moved from Karfreitag); missed from Wednesday 31.03., escalated by its first run.
        ("mangel:962-U-2026-0301:regular-9-m1:FristVersaeumt:sqs-krause", D("2027-03-31")),
        ("mangel:962-U-2026-0301:regular-9-m1:LeitungInformieren:gf-hartmann", D("2027-04-13")),
    ];

    /// <summary>Reminder keys and the day each was queued, computed by hand from the demo measures (starts relative to 01.11.2026).</summary>
    private static (string Key, DateOnly On)[] HandReminders(string adhocId) =>
    [
        // 0102 (01.09.2026): 3 months = Tue 01.12.2026; on 21.11. only 10 days are left: the 14-day slot goes out at once.
        ("inspection:962-E-2026-0102:regular-3:2026-12-01:14:koord-weber", D("2026-11-21")),
        // … and the 2-day slot on Sunday 29.11. (reminders count calendar days).
        ("inspection:962-E-2026-0102:regular-3:2026-12-01:2:betr-02", D("2026-11-29")),
        // 0203 (01.10.2026): 3 months = Fri 01.01.2027 (Neujahr) → Mon 04.01.; 14-day slot 21.12., before the start moved on 28.12.
        ("inspection:962-D-2026-0203:regular-3:2027-01-04:14:koord-yilmaz", D("2026-12-21")),
        // 0203 from 15.10.2026: 3 months = Fri 15.01.2027; 14 days before is Neujahr, 2 days before Wed 13.01.
        ("inspection:962-D-2026-0203:regular-3:2027-01-15:14:betr-03", D("2027-01-01")),
        ("inspection:962-D-2026-0203:regular-3:2027-01-15:2:koord-yilmaz", D("2027-01-13")),
        // … and its 9 months = Thu 15.07.2027 instead of 01.07.
        ("inspection:962-D-2026-0203:regular-9:2027-07-15:14:koord-yilmaz", D("2027-07-01")),
        // 0301 UB (01.06.2026): 9 months = Mon 01.03.2027 → 14-day slot Mon 15.02.
        ("inspection:962-U-2026-0301:regular-9:2027-03-01:14:koord-yilmaz", D("2027-02-15")),
        // 0101 (01.07.2026, 12 months): 9 months = Thu 01.04.2027 (after Easter Monday 29.03.): 18.03. and 30.03.
        ("inspection:962-E-2026-0101:regular-9:2027-04-01:14:betr-01", D("2027-03-18")),
        ("inspection:962-E-2026-0101:regular-9:2027-04-01:2:koord-weber", D("2027-03-30")),
        // 0106 (01.08.2026): 9 months = Sat 01.05.2027 (Tag der Arbeit) → Mon 03.05.; 14-day slot Mon 19.04.
        ("inspection:962-E-2026-0106:regular-9:2027-05-03:14:betr-06", D("2027-04-19")),
        // Moved on 20.04. to Tue 11.05.: 14 days before is 27.04., 2 days before Sunday 09.05.
        ("inspection:962-E-2026-0106:regular-9:2027-05-11:14:betr-06", D("2027-04-27")),
        ("inspection:962-E-2026-0106:regular-9:2027-05-11:2:koord-weber", D("2027-05-09")),
        // 0201 DIA-AM (01.08.2026): 9 months = Mon 03.05.; confirmed on 20.04., still reminded 2 days before (Sat 01.05.).
        ("inspection:962-D-2026-0201:regular-9:2027-05-03:2:koord-yilmaz", D("2027-05-01")),
        // Ad-hoc at 0101 on Thu 20.05., announced 03.05.: 14 days before is Christi Himmelfahrt 06.05., 2 days before 18.05.
        ($"inspection:962-E-2026-0101:{adhocId}:2027-05-20:14:koord-weber", D("2027-05-06")),
        ($"inspection:962-E-2026-0101:{adhocId}:2027-05-20:2:betr-01", D("2027-05-18")),
        // 0304 UB (01.09.2026): 9 months = Tue 01.06.2027; 14-day slot 18.05.
        ("inspection:962-U-2026-0304:regular-9:2027-06-01:14:betr-08", D("2027-05-18")),
    ];

    /// <summary>Reminders that must not exist.</summary>
    private static readonly string[] HandAbsent =
    [
        "inspection:962-D-2026-0203:regular-3:2027-01-04:2:koord-yilmaz",  // the old date after the start moved
        "inspection:962-D-2026-0203:regular-9:2027-07-01:14:koord-yilmaz", // the old 9-month date
        "inspection:962-E-2026-0106:regular-9:2027-05-03:2:betr-06",       // the date moved by card
        "inspection:962-U-2026-0304:regular-9:2027-06-01:2:koord-yilmaz",  // recorded a week early
        "inspection:962-E-2026-0108:regular-9:2027-03-01:14:koord-weber",  // 0108 ends 31.01.2027, before its 9-month date
        "inspection:962-E-2026-0104:regular-9:2027-04-01:14:koord-weber",  // 6-month measure: no 9-month inspection
    ];
}
