using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Quality;
using TeamsAmdl.Functions.Quality.Monitoring;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>Issue 18 item 4: filing the Träger's Abschlussbericht from Outlook completes the measure's open review task.</summary>
public sealed class QualityMailLinksTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Measure = "962-E-2026-0101"; // Träger tr-rheinaue

    private static JsonObject Mail(string id, string title) => new()
    {
        ["internetMessageId"] = id, ["title"] = title, ["sender"] = "buero@bw-rheinaue.example", ["receivedAt"] = "2026-11-20T09:15:00Z",
        ["traegerId"] = "tr-rheinaue", ["measureNumber"] = Measure, ["category"] = "Massnahmebetreuung",
        ["mail"] = Convert.ToBase64String("Subject: Abschlussbericht\r\n\r\nText"u8.ToArray()), ["bodyText"] = "Anbei der Bericht.",
        ["attachments"] = new JsonArray(),
    };

    [Fact]
    public async Task Filing_the_Abschlussbericht_completes_the_open_review_task_once()
    {
        var store = app.Services.GetRequiredService<MonitoringStore>();
        var opened = DateTimeOffset.Parse("2026-11-02T06:00:00Z");
        await store.SaveTaskAsync(new AfterEndTaskRow(Measure, AfterEndTaskKind.Abschlussbericht, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16), opened), default);

        var first = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/addin/filings", Mail("<abschluss@test>", "Abschlussbericht Aktivcenter Jugend"));
        var body = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal([QualityLinkTexts.ReviewCompleted(Measure)], body["notes"]!.AsArray().Select(n => (string)n!));
        var task = await store.GetTaskAsync(Measure, AfterEndTaskKind.Abschlussbericht, default);
        Assert.True(task!.Done);
        Assert.Equal("koord-weber", task.DoneBy);

        // The same mail again files nothing new and says nothing; another mail finds the task done and says nothing either.
        var again = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/addin/filings", Mail("<abschluss@test>", "Abschlussbericht Aktivcenter Jugend"));
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonObject>())!["notes"]!.AsArray());
        var other = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/addin/filings", Mail("<abschluss-2@test>", "Abschlussbericht, Nachtrag"));
        Assert.Empty((await other.Content.ReadFromJsonAsync<JsonObject>())!["notes"]!.AsArray());
        Assert.Equal(task.DoneAt, (await store.GetTaskAsync(Measure, AfterEndTaskKind.Abschlussbericht, default))!.DoneAt);
    }
}
