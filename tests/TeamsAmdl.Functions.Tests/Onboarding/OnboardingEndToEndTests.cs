using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Staffing;
using TeamsAmdl.Functions.Tests.FreePlaces;
using TeamsAmdl.Functions.Tests.Staffing;
using static TeamsAmdl.Functions.Tests.Staffing.FakeEntraGraph;
using static TeamsAmdl.Functions.Tests.Staffing.ProactiveInstallationTests;

namespace TeamsAmdl.Functions.Tests.Onboarding;

/// <summary>
/// Issue 13's first Done-when line as ONE story on an empty storage account (Seed:Demo=false) with a fake Graph over
/// real HTTP (3 groups, 12 users): the sync brings the staff with their roles; the coordinator creates the Träger and
/// imports a 30-line Maßnahmeübersicht (the dry run lists the 2 broken lines, the fixed file creates 30 measures, the
/// same file again changes nothing); a place comes up in an imported measure and an IFK who never opened the app gets
/// the free-place card: the installation is seen at the fake Graph, the card is delivered once after the conversation
/// update. Everything through the product's own routes, no row written by the test.
/// </summary>
public sealed class OnboardingEndToEndTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    private const string Header =
        "Maßnahmenummer;Maßnahmetitel;Maßnahmeart;Rechtsgrundlage;Träger;Maßnahmeort;Maßnahmebeginn;Maßnahmeende;Plätze;" +
        "Maßnahmebetreuer;Maßnahmekoordinator;Team";

    private static string Number(int i) => $"962-E-2026-8{i:000}";

    /// <summary>Line i of the Excel export: Träger by name, Betreuer and Koordinator by their Entra e-mail, the team by name.</summary>
    private static string Line(int i, string end = "31.10.2027", string traeger = "Bildungswerk Onboarding gGmbH") =>
        string.Join(';', Number(i), $"Bewerbungscoaching {i}", i % 2 == 0 ? "AGH" : "Einkaufsmaßnahme", "", traeger,
            "Musterstadt-Mitte", "02.11.2026", end, "10", Mail(U(10)), Mail(U(1)), "Team U25");

    private static byte[] File(Func<int, string> line) =>
        Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", Enumerable.Range(1, 30).Select(line)) + "\r\n");

    private async Task<(HttpStatusCode Status, JsonObject Body)> ImportAsync(byte[] file, bool dryRun)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var res = await app.As(U(1)).PostAsync($"/api/import/measures?dryRun={(dryRun ? "true" : "false")}", content);
        return (res.StatusCode, (await res.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static JsonObject Report(JsonObject body) => body["report"] as JsonObject ?? body;

    private static int Count(JsonObject report, string action) =>
        report["results"]!.AsArray().Count(r => (string?)r!["action"] == action);

    [Fact]
    public async Task A_new_Jobcenter_syncs_staff_imports_its_measures_and_an_IFK_who_never_opened_the_app_gets_the_card_once()
    {
        _ = app.CreateClient();
        Assert.Empty(await app.Service<StaffRepository>().ListAsync());
        Assert.Empty(await app.Service<MeasureRepository>().ListAsync(BerlinCalendar.Today(app.Time), CancellationToken.None));

        // 1. The sync (the hourly timer's work): 12 people with the roles of their groups.
        await app.Service<StaffSync>().RunAsync(CancellationToken.None);
        var staff = await app.Service<StaffRepository>().ListAsync();
        Assert.Equal(12, staff.Count);
        Assert.True(staff.Single(s => s.Id == U(1)).Roles.SetEquals([StaffRole.Koordinator, StaffRole.Bewerter]));
        Assert.True(staff.Single(s => s.Id == U(4)).Roles.SetEquals([StaffRole.Ifk]));
        Assert.True(staff.Single(s => s.Id == U(10)).Roles.SetEquals([StaffRole.Betreuer]));
        Assert.True(staff.Single(s => s.Id == U(2)).Roles.SetEquals([StaffRole.Koordinator, StaffRole.Bewerter, StaffRole.Betreuer]));

        // 2. The coordinator creates the Träger, then imports: the dry run finds exactly the 2 broken lines (file lines 6 and 18).
        var traeger = await app.As(U(1)).PostAsJsonAsync("/api/traeger", new { name = "Bildungswerk Onboarding gGmbH", city = "Musterstadt" });
        Assert.Equal(HttpStatusCode.Created, traeger.StatusCode);
        var broken = File(i => i switch
        {
            5 => Line(i, end: "01.10.2026"),                  // ends before it starts
            17 => Line(i, traeger: "Unbekannte Bildung GmbH"), // a Träger the Jobcenter does not have
            _ => Line(i),
        });
        var (dryStatus, dry) = await ImportAsync(broken, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        var errors = Report(dry)["errors"]!.AsArray();
        Assert.Equal([6, 18], errors.Select(e => (int)e!["line"]!).ToArray());
        Assert.Equal(["Maßnahmeende", "Träger"], errors.Select(e => (string)e!["column"]!).ToArray());
        var (refusedStatus, _) = await ImportAsync(broken, dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Empty(await app.Service<MeasureRepository>().ListAsync(BerlinCalendar.Today(app.Time), CancellationToken.None));

        // Fixed: 30 measures; the same file again: 30 unchanged, 0 changes.
        var fixedFile = File(i => Line(i));
        var (appliedStatus, applied) = await ImportAsync(fixedFile, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, appliedStatus);
        Assert.Equal(30, (int)applied["created"]!);
        var measures = await app.As(U(1)).GetFromJsonAsync<JsonArray>("/api/measures");
        Assert.Equal(30, measures!.Count);
        var (againStatus, again) = await ImportAsync(fixedFile, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal((0, 0, 30), ((int)again["created"]!, Count(Report(again), "update"), Count(Report(again), "unchanged")));
        var imported = await app.As(U(10)).GetFromJsonAsync<JsonObject>($"/api/measures/{Number(1)}");
        Assert.Equal(U(10), (string?)imported!["betreuer"]!["id"]);
        Assert.Equal("team-u25", (string?)imported["team"]!["id"]);

        // 3. One IFK has used the app before; the other six never opened it.
        var tenant = app.Service<Proactive>().TenantId;
        await app.PostActivityAsync(ConversationUpdate(U(3), "Laura Krüger", tenant));

        // The coordinator raises the places of an imported measure: a free-place alert to the 7 IFKs of Team U25.
        var raise = await app.As(U(1)).PutAsJsonAsync($"/api/measures/{Number(1)}/capacity", new { places = 12 });
        Assert.True(raise.IsSuccessStatusCode, await raise.Content.ReadAsStringAsync());
        bool IsAlert(DevInboxEntity row) => FreePlacesAppFactory.Text(row.ReadActivity()).Contains(Number(1), StringComparison.Ordinal);
        Assert.Single(await WaitAsync(() => app.InboxOfAsync(U(3)), rows => rows.Any(IsAlert)), IsAlert);

        // The never-opened IFK: installation at the fake Graph, no card yet.
        await WaitAsync(() => Task.FromResult(app.Graph.Installs), installs => installs.Any(r => r.PathAndQuery.Contains(U(4), StringComparison.Ordinal)));
        Assert.Contains(app.Graph.Installs, r => r.PathAndQuery.Contains($"/users/{U(4)}/teamwork/installedApps", StringComparison.Ordinal) && r.Status == 201);
        Assert.Empty(await app.InboxOfAsync(U(4)));

        // Teams reports the installation: the card goes out, exactly once, also when the update comes twice.
        var update = ConversationUpdate(U(4), "Kevin Werner", tenant);
        await app.PostActivityAsync(update);
        Assert.Single(await WaitAsync(() => app.InboxOfAsync(U(4)), rows => rows.Any(IsAlert)), IsAlert);
        await app.PostActivityAsync(update);
        await Task.Delay(1000);
        Assert.Single(await app.InboxOfAsync(U(4)));
    }
}
