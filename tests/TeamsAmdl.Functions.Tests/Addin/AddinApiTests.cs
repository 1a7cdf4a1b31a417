using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Tests.Addin;

/// <summary>
/// The add-in's API (issue 18) in the real app on Azurite: authentication and roles, the size and type checks with
/// German problems and nothing queued, filing into the dev e-Akte folder, and filing the same mail twice.
/// </summary>
public sealed class AddinApiTests(AddinAppFactory app) : IClassFixture<AddinAppFactory>
{
    private const string Measure = "962-E-2026-0101"; // Aktivcenter Jugend, Träger tr-rheinaue (kontakt@bw-rheinaue.example)

    private static JsonObject Filing(string messageId, byte[] mail, params (string Name, byte[] Content)[] attachments) => new()
    {
        ["internetMessageId"] = messageId,
        ["title"] = "Stellungnahme zu den Mängeln",
        ["sender"] = "buero@bw-rheinaue.example",
        ["receivedAt"] = "2026-11-20T09:15:00Z",
        ["traegerId"] = "tr-rheinaue",
        ["measureNumber"] = Measure,
        ["category"] = "SchriftverkehrMaengel",
        ["mail"] = Convert.ToBase64String(mail),
        ["bodyText"] = "Sehr geehrte Damen und Herren,\n\nanbei unsere Stellungnahme.",
        ["attachments"] = new JsonArray(attachments.Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name, ["contentType"] = "application/octet-stream", ["content"] = Convert.ToBase64String(a.Content),
        }).ToArray()),
    };

    private async Task<int> QueuedJobsAsync() => (await app.Services.GetRequiredService<FilingOutbox>().ListAsync()).Count;

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Without_login_every_add_in_call_is_a_German_401()
    {
        var client = app.ClientAs(null);
        foreach (var response in new[]
                 {
                     await client.PostAsJsonAsync("/api/addin/proposal", new { sender = "a@b.example", subject = "x" }),
                     await client.PostAsJsonAsync("/api/addin/filings", Filing("<401@test>", "x"u8.ToArray())),
                     await client.GetAsync("/api/addin/jobs/" + new string('a', 64)),
                 })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Nicht angemeldet", (string?)(await ProblemAsync(response))["title"]);
        }
    }

    [Theory]
    [InlineData("tl-schubert")]          // Teamleitung
    [InlineData("ifk-anna-zimmermann")]  // Integrationsfachkraft
    public async Task A_user_without_a_filing_role_gets_a_German_403_and_nothing_is_queued(string user)
    {
        var client = app.ClientAs(user);
        var before = await QueuedJobsAsync();
        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/addin/proposal", new { sender = "kontakt@bw-rheinaue.example", subject = Measure }),
            await client.PostAsJsonAsync("/api/addin/filings", Filing("<403@test>", "x"u8.ToArray())),
            await client.GetAsync("/api/addin/jobs/" + new string('a', 64)),
        };
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(TeamsAmdl.Functions.Addin.AddinTexts.Forbidden, (string?)(await ProblemAsync(response))["title"]);
        }
        Assert.Equal(before, await QueuedJobsAsync());
    }

    [Fact]
    public async Task A_30_MB_mail_is_refused_in_German_and_nothing_is_queued()
    {
        var before = await QueuedJobsAsync();
        var body = Filing("<30mb@test>", new byte[30 * 1024 * 1024]).ToJsonString();
        var response = await app.ClientAs("koord-weber").PostAsync("/api/addin/filings", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("body_too_large", (string?)problem["code"]);
        Assert.Equal("Die Anfrage ist zu groß: höchstens 25 MB sind hier erlaubt.", (string?)problem["title"]);
        Assert.Equal(before, await QueuedJobsAsync());
    }

    [Fact]
    public async Task Mail_and_attachments_over_18_MB_within_the_request_limit_are_refused_in_German_and_nothing_is_queued()
    {
        var before = await QueuedJobsAsync();
        var response = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/addin/filings",
            Filing("<18mb@test>", new byte[17 * 1024 * 1024], ("Anlage.pdf", new byte[1536 * 1024])));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("content_too_large", (string?)problem["code"]);
        Assert.Equal("Die E-Mail mit den gewählten Anhängen ist 18,5 MB groß; höchstens 18 MB können in einem Schritt abgelegt werden. Bitte weniger Anhänge wählen.",
            (string?)problem["title"]);
        Assert.Equal(before, await QueuedJobsAsync());
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("Rechnung.PDF.js")]
    [InlineData("Bericht.pdf")] // a Windows program under a harmless name: recognised by its header
    public async Task An_executable_attachment_is_refused_in_German_and_nothing_is_queued(string name)
    {
        var before = await QueuedJobsAsync();
        var response = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/addin/filings",
            Filing("<exe@test>", "Mail"u8.ToArray(), ("Stellungnahme.pdf", TestFiles.Pdf("ok")), (name, name == "Bericht.pdf" ? TestFiles.Exe() : "echo"u8.ToArray())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("executable_attachment", (string?)problem["code"]);
        Assert.Equal($"Der Anhang „{name}“ ist ein Programm oder Skript. Solche Dateien werden nicht in die e-Akte abgelegt.", (string?)problem["title"]);
        Assert.Equal(before, await QueuedJobsAsync());
    }

    [Fact]
    public async Task A_title_with_personal_data_is_refused_without_echoing_it()
    {
        var body = Filing("<pd@test>", "Mail"u8.ToArray());
        body["title"] = "Teilnehmer geb. 03.04.1990";
        var response = await app.ClientAs("koord-weber").PostAsJsonAsync("/api/addin/filings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("personal_data", (string?)problem["code"]);
        Assert.DoesNotContain("1990", (string?)problem["title"]);
    }

    [Fact]
    public async Task Known_sender_is_proposed_and_an_unknown_one_is_left_to_the_user()
    {
        var client = app.ClientAs("betr-04");
        var known = (await (await client.PostAsJsonAsync("/api/addin/proposal",
            new { sender = "buero@bw-rheinaue.example", subject = $"Stellungnahme zu den Mängeln {Measure}" })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("tr-rheinaue", (string?)known["traegerId"]);
        Assert.Equal("Absender-Domain bw-rheinaue.example gehört zu Bildungswerk Rheinaue gGmbH.", (string?)known["traegerReason"]);
        Assert.Equal(Measure, (string?)known["measureNumber"]);
        Assert.Equal("SchriftverkehrMaengel", (string?)known["category"]);
        Assert.Contains(known["categories"]!.AsArray(), c => (string?)c!["label"] == "Schriftverkehr Mängel");

        var unknown = (await (await client.PostAsJsonAsync("/api/addin/proposal",
            new { sender = "info@unbekannt.example", subject = "Rückfrage" })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(unknown["traegerId"]);
        Assert.Null(unknown["measureNumber"]);
        Assert.Equal("Massnahmebetreuung", (string?)unknown["category"]);
        Assert.True(unknown["traeger"]!.AsArray().Count >= 10);
    }

    [Fact]
    public async Task A_mail_is_filed_into_the_e_Akte_folder_once_and_filing_it_again_queues_nothing_new()
    {
        var client = app.ClientAs("koord-weber");
        var body = Filing("<twice@test>", "From: buero@bw-rheinaue.example\r\nSubject: Stellungnahme\r\n\r\nText"u8.ToArray(),
            ("Stellungnahme.pdf", TestFiles.Pdf("Stellungnahme")), ("Anwesenheitsliste.xlsx", TestFiles.Xlsx()));

        var first = await client.PostAsJsonAsync("/api/addin/filings", body);
        var filed = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(first.StatusCode == HttpStatusCode.Created, filed.ToJsonString());
        Assert.Equal($"Bildungswerk Rheinaue gGmbH/{Measure}/Schriftverkehr Mängel", (string?)filed["location"]);
        Assert.False((bool)filed["nothingNew"]!);
        Assert.Equal(["mail", "pdf", "attachment", "attachment"], filed["files"]!.AsArray().Select(f => (string?)f!["kind"]));
        Assert.All(filed["files"]!.AsArray(), f => Assert.True((bool)f!["created"]!));

        // The mail exported again with other bytes (another Outlook client): same internetMessageId, nothing new.
        body["mail"] = Convert.ToBase64String("X-Other-Client: 1\r\nFrom: buero@bw-rheinaue.example\r\n\r\nText"u8.ToArray());
        var second = await client.PostAsJsonAsync("/api/addin/filings", body);
        var again = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((bool)again["nothingNew"]!);
        Assert.All(again["files"]!.AsArray(), f => Assert.False((bool)f!["created"]!));

        var jobId = (string)filed["files"]![0]!["jobId"]!;
        var files = await app.WaitForFilesAsync(4);
        var folder = $"Bildungswerk Rheinaue gGmbH/{Measure}/Schriftverkehr Mängel/";
        Assert.Equal(
        [
            folder + "2026-11-20_Stellungnahme zu den Mängeln – Anwesenheitsliste.xlsx",
            folder + "2026-11-20_Stellungnahme zu den Mängeln – Stellungnahme.pdf",
            folder + "2026-11-20_Stellungnahme zu den Mängeln.eml",
            folder + "2026-11-20_Stellungnahme zu den Mängeln.pdf",
        ], files.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && f.Contains("Stellungnahme zu den Mängeln")));
        Assert.True(PdfStarts(Path.Combine(app.EAkteFolder, folder + "2026-11-20_Stellungnahme zu den Mängeln.pdf")));

        // The file is written before the job row says so: ask until it does.
        JsonObject job;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            job = (await client.GetFromJsonAsync<JsonObject>("/api/addin/jobs/" + jobId))!;
            if ((string?)job["status"] != "Pending" || DateTime.UtcNow > deadline) break;
            await Task.Delay(100);
        } while (true);
        Assert.Equal("Filed", (string?)job["status"]);
        Assert.Equal("abgelegt", (string?)job["label"]);
    }

    private static bool PdfStarts(string path) => File.ReadAllBytes(path).AsSpan().StartsWith("%PDF"u8);
}
