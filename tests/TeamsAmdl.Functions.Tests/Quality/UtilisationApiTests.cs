using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// GET api/quality/utilisation (the tab's Auslastung view, R-QA-5) on the demo Jobcenter, today 21.11.2026: the month-end
/// computation for the current month in the month-end card's wording, all measures for the Geschäftsführung, the own team for
/// a Teamleitung, refusals in German.
/// </summary>
public sealed class UtilisationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<JsonNode> JsonOf(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task The_current_month_is_the_month_end_computation_in_the_cards_wording_all_for_the_GF_the_own_team_for_a_Teamleitung()
    {
        var data = await app.Services.GetRequiredService<MonthEndReport>().ComputeAsync(new ReportMonth(2026, 11), default);
        Assert.NotEmpty(data.Lines);

        var gf = await JsonOf(await app.ClientAs("gf-hartmann").GetAsync("/api/quality/utilisation"));
        Assert.Equal("2026-11", (string)gf["month"]!);
        Assert.Equal("2026-11-30", (string)gf["reportDay"]!);
        Assert.Equal("Auslastung der Einkaufsmaßnahmen – November 2026", (string)gf["title"]!);
        Assert.Equal("Alle Teams · Stichtag 30.11.2026 (letzter Arbeitstag)", (string)gf["scope"]!);
        Assert.Equal(CardTexts.Monitoring.MonthEndNeutral, (string)gf["neutral"]!);
        var rows = gf["rows"]!.AsArray();
        Assert.Equal(data.Lines.Select(l => l.Measure.Number).Order(StringComparer.Ordinal), rows.Select(r => (string)r!["number"]!).Order(StringComparer.Ordinal));
        foreach (var line in data.Lines)
        {
            var row = rows.Single(r => (string)r!["number"]! == line.Measure.Number)!;
            Assert.Equal($"{line.Figures.Occupied}/{line.Figures.Places}", (string)row["occupied"]!);
            Assert.Equal(MonthEndNote.For(line.ToCardRow()), (string)row["note"]!);
            Assert.Equal(line.Figures.PaidButEmpty > 0, (bool)row["flagged"]!);
        }
        // DIA-AM: TM consumed against plan; UB below its Mindestplatzzahl: paid but empty, flagged (the demo has both).
        Assert.Contains(rows, r => (string)r!["kind"]! == "DIA-AM" && ((string)r["note"]!).Contains(" TM geplant", StringComparison.Ordinal));
        Assert.Contains(rows, r => (bool)r!["flagged"]! && ((string)r["note"]!).EndsWith("bezahlt, aber leer", StringComparison.Ordinal));
        Assert.Equal([CardTexts.Monitoring.Measures, CardTexts.Monitoring.OccupiedTotal, CardTexts.Monitoring.PaidButEmptyTotal],
            gf["totals"]!.AsArray().Select(t => (string)t!["label"]!));
        Assert.Equal(data.Lines.Count.ToString(), (string)gf["totals"]![0]!["value"]!);
        // The card's order: lowest utilisation first.
        Assert.Equal(data.Lines.OrderBy(l => l.ToCardRow().Rate).ThenBy(l => l.Measure.Number, StringComparer.Ordinal).Select(l => l.Measure.Number),
            rows.Select(r => (string)r!["number"]!));

        var lead = (await app.Services.GetRequiredService<StaffRepository>().GetAsync("tl-schubert"))!;
        var team = data.Lines.Where(l => l.Measure.TeamId == lead.TeamId).ToList();
        Assert.NotEmpty(team);
        var own = await JsonOf(await app.ClientAs("tl-schubert").GetAsync("/api/quality/utilisation?month=2026-11"));
        Assert.Equal($"{team[0].TeamName} · Stichtag 30.11.2026 (letzter Arbeitstag)", (string)own["scope"]!);
        Assert.Equal(team.Select(l => l.Measure.Number).Order(StringComparer.Ordinal), own["rows"]!.AsArray().Select(r => (string)r!["number"]!).Order(StringComparer.Ordinal));
        Assert.All(own["rows"]!.AsArray(), r => Assert.Equal(team[0].TeamName, (string)r!["team"]!));
    }

    [Fact]
    public async Task Other_roles_and_bad_months_are_refused_in_German()
    {
        foreach (var user in new[] { "ifk-anna-zimmermann", "betr-01" })
        {
            var r = await app.ClientAs(user).GetAsync("/api/quality/utilisation");
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Equal(MonitoringTexts.Forbidden, (string)(await JsonOf(r))["title"]!);
        }
        var bad = await app.ClientAs("gf-hartmann").GetAsync("/api/quality/utilisation?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Der Monat „2026-13“ ist ungültig; erwartet wird JJJJ-MM, z. B. 2026-11.", (string)(await JsonOf(bad))["title"]!);
        var anon = await app.ClientAs(null).GetAsync("/api/quality/utilisation");
        Assert.Equal(HttpStatusCode.Unauthorized, anon.StatusCode);
    }
}
