using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Deadlines;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// R-TN-1 on Azurite (today 21.11.2026): the IFK records the Erwartungsbogen of their customer; personal data, a missing text,
/// a target date before the entry or another IFK are refused in German with nothing stored; the recorded one is done in
/// Fristen, queued as DOCX for the e-Akte, and shown beside the Feedbackbogen after the exit.
/// </summary>
public sealed class ExpectationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Measure = "962-E-EXP-0001";
    private const string Ifk = "ifk-anna-zimmermann";

    private async Task<(HttpStatusCode Status, JsonNode Body)> RecordAsync(string user, object body)
    {
        using var r = await app.ClientAs(user).PostAsJsonAsync($"/api/deadlines/{Measure}/expectations", body);
        return (r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task IFK_records_the_Erwartungsbogen_it_is_filed_and_the_Feedbackbogen_shows_it()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        await app.AddMeasureAsync(Measure, MeasureKind.Einkaufsmassnahme, "betr-03", "koord-weber", D("2026-09-01"), D("2027-08-31"));
        await app.AddParticipationAsync(new Participation(Measure, "TN-9200-01", D("2026-11-02"), D("2026-11-13"), ExitReason.Abbruch, Ifk));

        var refusals = new (string User, object Body, HttpStatusCode Status, string Title)[]
        {
            (Ifk, new { customerRef = "TN-9200-01", expectation = "Ich will wieder arbeiten, Tel. 0171 2345678", targetDate = "2027-03-01" },
                HttpStatusCode.BadRequest, "Im Feld „Erwartung (O-Ton)“ steht etwas, das wie"),
            (Ifk, new { customerRef = "TN-9200-01", expectation = " ", targetDate = "2027-03-01" }, HttpStatusCode.BadRequest, DeadlineTexts.ExpectationMissing),
            (Ifk, new { customerRef = "TN-9200-01", expectation = "Eine Stelle im Lager finden", targetDate = "2026-10-01" },
                HttpStatusCode.BadRequest, DeadlineTexts.TargetBeforeEntry(D("2026-11-02"))),
            ("ifk-lukas-braun", new { customerRef = "TN-9200-01", expectation = "Eine Stelle im Lager finden", targetDate = "2027-03-01" },
                HttpStatusCode.Forbidden, DeadlineTexts.ExpectationForbidden),
        };
        foreach (var (user, body, status, title) in refusals)
        {
            var (s, b) = await RecordAsync(user, body);
            Assert.Equal(status, s);
            Assert.StartsWith(title, (string?)b["title"]);
        }
        var mine = await app.ClientAs(Ifk).GetFromJsonAsync<JsonArray>("/api/deadlines");
        Assert.Equal("Overdue", (string?)mine!.Single(d => (string?)d!["key"] == "Erwartungsbogen:TN-9200-01:2026-11-02")!["status"]);

        var (created, view) = await RecordAsync(Ifk, new { customerRef = "TN-9200-01", expectation = "Eine Stelle im Lager finden und pünktlich sein.", targetDate = "2027-03-01" });
        Assert.True(created == HttpStatusCode.Created, view.ToJsonString());
        Assert.Equal("Done", (string?)view["status"]);
        Assert.Equal("2027-03-01", (string?)view["targetDate"]);

        mine = await app.ClientAs(Ifk).GetFromJsonAsync<JsonArray>("/api/deadlines");
        Assert.Equal("Done", (string?)mine!.Single(d => (string?)d!["key"] == "Erwartungsbogen:TN-9200-01:2026-11-02")!["status"]);
        var feedback = mine!.Single(d => (string?)d!["key"] == "Feedbackbogen:TN-9200-01:2026-11-13")!;
        Assert.Equal("Eine Stelle im Lager finden und pünktlich sein.", (string?)feedback["expectation"]);
        Assert.Equal("2026-11-20", (string?)feedback["due"]);

        var jobs = await app.Services.GetRequiredService<FilingOutbox>().ListAsync();
        var job = Assert.Single(jobs, j => j.Path.Contains("Erwartungsbogen TN-9200-01", StringComparison.Ordinal));
        Assert.EndsWith(".docx", job.Path, StringComparison.Ordinal);
        Assert.Contains("/Maßnahmebetreuung/", job.Path, StringComparison.Ordinal);
    }
}
