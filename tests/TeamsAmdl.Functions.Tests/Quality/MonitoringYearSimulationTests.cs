using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Calendar;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Seeding;
using TeamsAmdl.Functions.Tests.Ratings;
using Xunit.Abstractions;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// Issue 15 "done when": a simulated year (21.11.2026–20.11.2027) for the demo Jobcenter through the timer jobs, each
/// firing twice a day (06:30 and 14:00 UTC). Expected: one month-end card per month (Nov 2026 – Oct 2027) to the
/// Teamleitung of every team with a covered measure running on the last working day and to the GF; for every
/// Einkaufsmaßnahme/DIA-AM/UB that ends, the Abschlussbericht task on the first working day after the end and, 6 months
/// after the end, the Eingliederungserfolg task, to Koordinator:in and Betreuer:in; one reminder for each task not done by
/// its due date. Half of the reviews are done through the API the day they open (no reminder), one Eingliederungserfolg
/// through its card. Two simulated crashes (the month's row lost after the cards went out; a task row not saved after its
/// card was queued) and the second run of every day send nothing twice.
/// </summary>
public sealed class MonitoringYearSimulationTests(QueueOnlyAppFactory app, ITestOutputHelper output) : IClassFixture<QueueOnlyAppFactory>
{
    private static readonly DateOnly First = new(2026, 11, 21);
    private static readonly DateOnly Last = new(2027, 11, 20);

    [Fact]
    public async Task A_year_of_timer_runs_sends_exactly_the_expected_month_end_cards_tasks_and_reminders_once()
    {
        _ = app.CreateClient();
        var anchor = new DateOnly(2026, 11, 1);
        var measures = DemoData.Measures(anchor).Where(m => MonitoringScope.Covers(m.Kind)).ToList();
        var reviewedByApi = measures.Where((m, i) => m.Kind == MeasureKind.Einkaufsmassnahme && i % 2 == 0).Select(m => m.Number).ToHashSet();
        const string RecordedByCard = "962-E-2026-0104";
        var monthEnd = app.Service<MonthEndJob>();
        var afterEnd = app.Service<AfterEndJob>();
        var handler = app.Services.GetServices<ICardActionHandler>().OfType<QualityTaskCompleteHandler>().Single();
        var tables = app.Service<MonitoringTables>();
        var crashedMonth = false;
        var crashedTask = false;
        try
        {
            for (var day = First; day <= Last; day = day.AddDays(1))
            {
                foreach (var (hour, minute) in new[] { (6, 30), (14, 0) })
                {
                    app.Time.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero));
                    await monthEnd.RunOnceAsync(CancellationToken.None);
                    await afterEnd.RunOnceAsync(CancellationToken.None);
                }
                // Crash 1: the March report went out, but the run died before its row was written.
                if (day == new DateOnly(2027, 3, 31) && !crashedMonth)
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
                    {
                        var betreuer = (await app.Service<Repositories.StaffRepository>().GetAsync(measures.Single(m => m.Number == RecordedByCard).BetreuerId))!;
                        var data = new JsonObject
                        {
                            [CardVerbs.QualityMeasureKey] = RecordedByCard, [CardVerbs.QualityTaskKey] = "Eingliederungserfolg",
                            [CardVerbs.QualityIntegratedInput] = "99", [CardVerbs.QualityNotIntegratedInput] = "1",
                        };
                        var tooMany = await handler.HandleAsync(new CardActionContext(new Activity(), betreuer, CardVerbs.QualityTaskComplete, data, "k1"), CancellationToken.None);
                        Assert.Equal("too_many", Assert.IsType<CardActionResult.ErrorResult>(tooMany).Code);
                        data[CardVerbs.QualityIntegratedInput] = "1";
                        var done = await handler.HandleAsync(new CardActionContext(new Activity(), betreuer, CardVerbs.QualityTaskComplete, data, "k2"), CancellationToken.None);
                        var card = Assert.IsType<CardActionResult.CardResult>(done).ReplacementCard.ToJson();
                        Assert.Contains("1 integriert, 1 nicht integriert", card);
                    }
                }
            }
            Assert.True(crashedMonth && crashedTask);

            // Expected month-end cards.
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            for (var month = new ReportMonth(2026, 11); month.ReportDay <= Last; month = ReportMonth.Of(month.First.AddMonths(1)))
            {
                foreach (var team in measures.Where(m => MonitoringScope.Covers(m, month.ReportDay)).Select(m => m.TeamId).Distinct())
                    foreach (var lead in DemoData.Staff.Where(s => s.Has(StaffRole.Teamleitung) && s.TeamId == team))
                        expected.Add(MonthEndJob.TeamCardKey(month, team, lead.Id));
                expected.Add(MonthEndJob.AllCardKey(month, "gf-hartmann"));
            }
            // Expected task cards and reminders.
            var tasksOpened = 0;
            foreach (var m in measures.Where(m => m.End < Last))
            {
                foreach (var plan in AfterEndSchedule.For(m).Where(p => p.OpensOn <= Last))
                {
                    tasksOpened++;
                    var done = plan.Kind == AfterEndTaskKind.Abschlussbericht ? reviewedByApi.Contains(m.Number) : m.Number == RecordedByCard;
                    var remindedOn = WorkingDays.OnOrAfter(plan.DueOn.AddDays(1));
                    foreach (var person in new[] { m.KoordinatorId, m.BetreuerId }.Distinct())
                    {
                        expected.Add(AfterEndJob.CardKey(m.Number, plan.Kind, AfterEndDue.Open, person));
                        if (!done && remindedOn <= Last) expected.Add(AfterEndJob.CardKey(m.Number, plan.Kind, AfterEndDue.Reminder, person));
                    }
                }
            }
            var actual = (await app.Service<Proactive>().Outbox.ListAsync()).Select(e => e.MessageKey)
                .Where(k => k.StartsWith("quality:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            output.WriteLine($"{actual.Count(k => k.StartsWith("quality:month-end:", StringComparison.Ordinal))} month-end cards, {tasksOpened} tasks, " +
                             $"{actual.Count(k => k.Contains(":Open:", StringComparison.Ordinal))} task cards, " +
                             $"{actual.Count(k => k.Contains(":Reminder:", StringComparison.Ordinal))} reminders");
            Assert.Equal(expected.ToList(), actual);
            // Spot checks of the rules behind the set (12 months × (4 team leads + GF); 0104 ended 31.03.2027).
            Assert.Equal(12 * 5, actual.Count(k => k.StartsWith("quality:month-end:", StringComparison.Ordinal)));
            Assert.Contains(AfterEndJob.CardKey("962-E-2026-0104", AfterEndTaskKind.Abschlussbericht, AfterEndDue.Open, DemoData.CoordinatorId), actual);
            Assert.Contains(AfterEndJob.CardKey("962-E-2026-0104", AfterEndTaskKind.Eingliederungserfolg, AfterEndDue.Open, DemoData.CoordinatorId), actual);
            Assert.DoesNotContain(AfterEndJob.CardKey("962-E-2026-0104", AfterEndTaskKind.Eingliederungserfolg, AfterEndDue.Reminder, DemoData.CoordinatorId), actual);
            Assert.Contains(AfterEndJob.CardKey("962-E-2026-0107", AfterEndTaskKind.Eingliederungserfolg, AfterEndDue.Reminder, DemoData.CoordinatorId), actual);
            var store = app.Service<MonitoringStore>();
            var recorded = await store.GetTaskAsync(RecordedByCard, AfterEndTaskKind.Eingliederungserfolg, CancellationToken.None);
            Assert.Equal((new DateOnly(2027, 9, 30), new DateOnly(2027, 10, 14), 1, 1), (recorded!.OpensOn, recorded.DueOn, recorded.Integrated, recorded.NotIntegrated));
            Assert.Null(recorded.RemindedAt);
            var late = await store.GetTaskAsync("962-E-2026-0107", AfterEndTaskKind.Eingliederungserfolg, CancellationToken.None);
            // Ended 30.04.2027: six months on is Saturday 30.10., Monday 01.11. is All Saints' Day in Baden-Württemberg.
            Assert.Equal((new DateOnly(2027, 11, 2), new DateOnly(2027, 11, 16)), (late!.OpensOn, late.DueOn));
            Assert.NotNull(late.RemindedAt);
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }
}
