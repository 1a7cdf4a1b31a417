using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Functions.Digest;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// Issue 14: publishing is a job. The request answers 202 at once, the progress comes from the outbox and the filing
/// jobs, a week published before goes out again only as a marked correction, and "Erneut versuchen" resumes a failed
/// run without sending anything twice. Against the real app on Azurite (queue triggers running).
/// </summary>
public sealed class DigestPublicationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Koordinator = "koord-weber";

    [Fact]
    public async Task Publish_answers_202_at_once_progress_reaches_100_percent_and_a_second_publish_of_the_week_is_a_marked_correction()
    {
        var client = app.ClientAs(Koordinator);
        var publishId = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();
        var res = await client.PostAsJsonAsync("/api/digest/weeks/2026-W46/publish", new { publishId, teamleitung = true, confirmMissing = true });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
        var accepted = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(publishId, (string?)accepted["id"]);
        Assert.Equal($"/api/digest/publications/{publishId}", (string?)accepted["statusUrl"]);
        Assert.False((bool)accepted["correction"]!);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"publish request took {watch.Elapsed}");

        var progress = await app.WaitForPublicationAsync(client, publishId);
        Assert.True((bool)progress["complete"]!, progress.ToJsonString());
        Assert.Equal(100, (int)progress["percent"]!);
        var messages = 4 * (int)progress["personalParts"]!; // 4 Teamleitungen, each their own digest
        Assert.Equal($"{messages} von {messages} zugestellt · 26 von 26 Dokumenten abgelegt", (string?)progress["text"]);
        Assert.Equal("veröffentlicht am 21.11.2026, 11:00 Uhr", (string?)progress["publishedText"]);
        Assert.False((bool)progress["canRetry"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/digest/publications/{publishId}/retry", null)).StatusCode);

        // The preview now says when the week went out.
        var preview = (await client.GetFromJsonAsync<JsonObject>("/api/digest/weeks/2026-W46/preview"))!;
        Assert.Equal("veröffentlicht am 21.11.2026, 11:00 Uhr", (string?)preview["published"]!["text"]);
        Assert.Contains("Vorschau – veröffentlicht am {{DATE(2026-11-21T10:00:00Z, COMPACT)}}", preview["parts"]!.Text());
        Assert.DoesNotContain("noch nicht veröffentlicht", preview["parts"]!.Text());

        // Publishing the week again: refused without the correction flag, nothing queued.
        app.Time.Advance(TimeSpan.FromMinutes(30));
        var again = await client.PostAsJsonAsync("/api/digest/weeks/2026-W46/publish",
            new { publishId = Guid.NewGuid().ToString(), teamleitung = true, confirmMissing = true });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("already_published", (string?)problem["code"]);
        Assert.Equal("Die Maßnahmeinfo KW 46/2026 wurde bereits am 21.11.2026, 11:00 Uhr von Julia Weber veröffentlicht. Als Korrektur erneut senden? " +
            "Die Nachricht wird dann als Korrektur gekennzeichnet.", (string?)problem["title"]);
        Assert.Equal(publishId, (string?)problem["earlier"]!["id"]);

        // As a correction: sent, and the message says so.
        var correction = await app.PublishAndWaitAsync(client, "2026-W46",
            new { publishId = Guid.NewGuid().ToString(), teamleitung = true, confirmMissing = true, correction = true });
        Assert.True((bool)correction["correction"]!);
        Assert.True((bool)correction["complete"]!);
        var inbox = await app.InboxAsync(DigestTestSupport.Aad("tl-wolf"));
        Assert.Contains(inbox, a => a.Text().Contains("Korrektur: ersetzt die Maßnahmeinfo vom {{DATE(2026-11-21T10:00:00Z, COMPACT)}}"));
        var history = (await client.GetFromJsonAsync<JsonArray>("/api/digest/history"))!;
        Assert.True((bool)history.Single(h => (string?)h!["id"] == (string?)correction["id"])!["correction"]!);
    }

    [Fact]
    public async Task A_failed_run_is_shown_with_retry_and_the_retry_finishes_it_without_sending_twice()
    {
        var client = app.ClientAs(Koordinator);
        var publishId = Guid.NewGuid().ToString();
        var first = await app.PublishAndWaitAsync(client, "2026-W47",
            new { publishId, teamleitung = true, confirmMissing = true, correction = true });
        var parts = (int)first["personalParts"]!;
        var sent = (await app.InboxAsync(DigestTestSupport.Aad("tl-wolf"))).Count(a => a.Text().Contains("Maßnahmeinfo KW 47/2026"));

        // The run failed (e.g. storage unreachable on its last attempt).
        var history = app.Service<DigestHistory>();
        var row = (await history.GetAsync(publishId, CancellationToken.None))!;
        row.Job = DigestEntity.JobFailed;
        row.JobError = DigestTexts.JobFailed;
        await history.UpdateAsync(row, CancellationToken.None);
        var failed = (await client.GetFromJsonAsync<JsonObject>($"/api/digest/publications/{publishId}"))!;
        Assert.False((bool)failed["complete"]!);
        Assert.True((bool)failed["canRetry"]!);
        Assert.Contains(DigestTexts.JobFailed, failed["problems"]!.AsArray().Select(p => (string?)p));

        var retry = await client.PostAsync($"/api/digest/publications/{publishId}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        JsonObject done;
        do done = await app.WaitForPublicationAsync(client, publishId);
        while ((string?)done["job"] != "Done");
        Assert.True((bool)done["complete"]!, done.ToJsonString());
        Assert.Equal(sent, (await app.InboxAsync(DigestTestSupport.Aad("tl-wolf"))).Count(a => a.Text().Contains("Maßnahmeinfo KW 47/2026")));
        Assert.Equal(parts, (int)done["personalParts"]!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/digest/publications/unbekannt-123")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("tl-wolf").GetAsync($"/api/digest/publications/{publishId}")).StatusCode);
    }
}
