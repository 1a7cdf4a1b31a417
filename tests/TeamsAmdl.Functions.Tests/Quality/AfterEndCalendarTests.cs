using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>Issue 15 item 7: the after-end tasks appear in the quality calendar on their due day, next to the inspections.</summary>
public sealed class AfterEndCalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_calendar_lists_each_covered_measures_after_end_tasks_on_their_due_day()
    {
        var client = app.ClientAs("koord-weber");
        var today = BerlinCalendar.Today(app.Time);
        var measures = (await app.Services.GetRequiredService<MeasureRepository>().ListAsync(today)).Select(s => s.Measure).ToList();
        var (from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2027, 12, 1)); // the widest range the calendar answers (400 days)
        var expected = measures.Where(m => MonitoringScope.Covers(m.Kind))
            .SelectMany(m => AfterEndSchedule.For(m).Where(p => p.DueOn >= from && p.DueOn <= to).Select(p => $"{p.DueOn:yyyy-MM-dd} {m.Number} {p.Kind}"))
            .OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var entries = await client.GetFromJsonAsync<JsonArray>($"/api/quality/calendar?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&type=after-end-task");
        var actual = entries!.Select(e => $"{(string)e!["date"]!} {(string)e["measureNumber"]!} {(string)e["ref"]!}").OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.All(entries!, e => Assert.Equal("Aufgabe nach Maßnahmeende", (string)e!["typeText"]!));
        Assert.Contains(entries!, e => (string)e!["title"]! == "Abschlussbericht des Trägers prüfen");
    }
}
