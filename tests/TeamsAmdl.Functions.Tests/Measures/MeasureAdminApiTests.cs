using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Measures;

/// <summary>
/// Issue 13: measures and Träger created, edited and closed over HTTP against Azurite (demo Jobcenter, clock on
/// Saturday 21.11.2026). Every refusal is German, per field, and stores nothing.
/// </summary>
public sealed class MeasureAdminApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private HttpClient Koordination => app.ClientAs("koord-weber");

    private static object Ub(string number, int places = 13) => new
    {
        number, title = "UB Testmaßnahme", kind = "UbInbeq", traegerId = "tr-lindenhof", location = "Musterstadt-Mitte",
        start = "2026-12-01", end = "2029-11-30", places, betreuerId = "betr-02", teamId = "team-reha",
    };

    private static object DiaAm(string number, string start = "2026-11-02") => new
    {
        number, title = "DIA-AM Test", kind = "DIA-AM", traegerId = "tr-integra", location = "Musterstadt-Nord",
        start, end = "2028-10-31", maxOccupancy = 10, averageOccupancy = 8, teilnahmemonate = 192, betreuerId = "betr-03",
    };

    private static async Task<JsonElement> Json(HttpResponseMessage res) => await res.Content.ReadFromJsonAsync<JsonElement>();

    private static string ErrorOf(JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field).GetProperty("message").GetString()!;

    [Fact]
    public async Task Coordinator_creates_a_UB_measure_and_reads_its_minimum_places_and_intake_deadline()
    {
        var res = await Koordination.PostAsJsonAsync("/api/measures", Ub("962-U-TEST-0001"));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var created = await Json(res);
        Assert.Equal(10, created.GetProperty("minimumPlaces").GetInt32()); // 70 % of 13, rounded up
        Assert.Equal("2027-11-30", created.GetProperty("intakeDeadline").GetString()); // end of month 12
        Assert.Equal("koord-weber", created.GetProperty("koordinator").GetProperty("id").GetString()); // the caller by default
        Assert.Equal("§ 55 SGB IX", created.GetProperty("legalBasis").GetString());

        var read = await Json(await Koordination.GetAsync("/api/measures/962-U-TEST-0001"));
        Assert.Equal("Inklusionsdienst Lindenhof gGmbH", read.GetProperty("traeger").GetProperty("name").GetString());
        Assert.Equal(0, read.GetProperty("entryDates").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("tmContingentDays").ValueKind);

        // Same number again: 409, the first one stays.
        var again = await Koordination.PostAsJsonAsync("/api/measures", Ub("962-U-TEST-0001", places: 20));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("measure_exists", (await Json(again)).GetProperty("code").GetString());
        Assert.Equal(13, (await Json(await Koordination.GetAsync("/api/measures/962-U-TEST-0001"))).GetProperty("capacity").GetProperty("places").GetInt32());
    }

    [Fact]
    public async Task A_DIA_AM_measure_reports_its_next_five_entry_dates_and_its_contingent_in_thirtieths()
    {
        var res = await Koordination.PostAsJsonAsync("/api/measures", DiaAm("962-D-TEST-0001"));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var m = await Json(await Koordination.GetAsync("/api/measures/962-D-TEST-0001"));
        // Grid from Monday 02.11.2026 every 14 days; today is 21.11.: 30.11., 14.12., 28.12., 11.01., 25.01.
        Assert.Equal(["2026-11-30", "2026-12-14", "2026-12-28", "2027-01-11", "2027-01-25"],
            m.GetProperty("entryDates").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Equal(192 * 30, m.GetProperty("tmContingentDays").GetDecimal());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("minimumPlaces").ValueKind);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_German_errors_per_field_and_nothing_is_stored()
    {
        var res = await Koordination.PostAsJsonAsync("/api/measures", new
        {
            number = "962-E-TEST-BAD", title = "", kind = "Einkaufsmassnahme", traegerId = "tr-gibtsnicht", location = "Mitte",
            start = "2027-03-01", end = "2027-02-01", places = 2147483647, betreuerId = "niemand@example.org",
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = await Json(res);
        Assert.Equal("invalid_input", problem.GetProperty("code").GetString());
        Assert.Equal("Bitte ausfüllen.", ErrorOf(problem, "title"));
        Assert.Contains("Den Träger „tr-gibtsnicht“ gibt es nicht", ErrorOf(problem, "traegerId"));
        Assert.Equal("Das Maßnahmeende (01.02.2027) liegt vor dem Beginn (01.03.2027).", ErrorOf(problem, "end"));
        Assert.Contains("2147483647 Plätze sind nicht plausibel", ErrorOf(problem, "places"));
        Assert.Contains("keinem Mitarbeitenden", ErrorOf(problem, "betreuerId"));
        Assert.Equal(HttpStatusCode.NotFound, (await Koordination.GetAsync("/api/measures/962-E-TEST-BAD")).StatusCode);

        // Unknown kind, DIA-AM without its Losblatt figures, and a contingent the places can never use up.
        var dia = await Json(await Koordination.PostAsJsonAsync("/api/measures", new
        {
            number = "962-D-TEST-BAD", title = "X", kind = "DIA-AM", traegerId = "tr-integra", location = "Mitte",
            start = "2027-01-04", end = "2027-12-31", maxOccupancy = 10, betreuerId = "betr-01",
        }));
        Assert.Contains("Durchschnittsbelegung", ErrorOf(dia, "averageOccupancy"));
        var tm = await Json(await Koordination.PostAsJsonAsync("/api/measures", new
        {
            number = "962-D-TEST-BAD", title = "X", kind = "DIA-AM", traegerId = "tr-integra", location = "Mitte",
            start = "2027-01-04", end = "2027-12-31", maxOccupancy = 10, averageOccupancy = 8, teilnahmemonate = 1200, betreuerId = "betr-01",
        }));
        Assert.Contains("1.200 TM sind nicht erreichbar", ErrorOf(tm, "teilnahmemonate"));
        var kind = await Json(await Koordination.PostAsJsonAsync("/api/measures", new { number = "962-X", kind = "Zauberkurs" }));
        Assert.StartsWith("Unbekannte Maßnahmeart „Zauberkurs“", ErrorOf(kind, "kind"));
    }

    [Fact]
    public async Task Only_coordinators_manage_measures_and_Traeger()
    {
        var betreuer = app.ClientAs("betr-01");
        foreach (var res in new[]
                 {
                     await betreuer.PostAsJsonAsync("/api/measures", Ub("962-U-TEST-0403")),
                     await betreuer.PutAsJsonAsync("/api/measures/962-E-2026-0101", new { title = "Umbenannt" }),
                     await betreuer.PostAsync("/api/measures/962-E-2026-0107/close", null),
                     await betreuer.PostAsJsonAsync("/api/traeger", new { name = "Träger X" }),
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
            Assert.Equal("Maßnahmen und Träger verwalten darf nur die Koordination.", (await Json(res)).GetProperty("title").GetString());
        }
        Assert.Equal("Aktivcenter Jugend", (await Json(await betreuer.GetAsync("/api/measures/962-E-2026-0101"))).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Edit_keeps_untouched_fields_and_refuses_a_capacity_below_the_occupancy()
    {
        // 962-E-2026-0101: 12 places, 9 active participants.
        var below = await Koordination.PutAsJsonAsync("/api/measures/962-E-2026-0101", new { places = 8 });
        Assert.Equal(HttpStatusCode.Conflict, below.StatusCode);
        var problem = await Json(below);
        Assert.Equal("capacity_below_occupancy", problem.GetProperty("code").GetString());
        Assert.Equal("Die Platzzahl kann nicht auf 8 sinken: 9 Plätze sind belegt oder vorgemerkt.", ErrorOf(problem, "places"));

        var ok = await Koordination.PutAsJsonAsync("/api/measures/962-E-2026-0101", new { places = 14, title = "Aktivcenter Jugend Plus" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var m = await Json(ok);
        Assert.Equal(14, m.GetProperty("capacity").GetProperty("places").GetInt32());
        Assert.Equal("Aktivcenter Jugend Plus", m.GetProperty("title").GetString());
        Assert.Equal("tr-rheinaue", m.GetProperty("traeger").GetProperty("id").GetString());
        Assert.Equal(5, m.GetProperty("freePlaces").GetInt32());
        // The raised capacity is announced like PUT …/capacity: one change row for the free-place alerts.
        var changes = app.Services.GetRequiredService<Tables>().Get(FreePlacesStore.ChangesTable);
        var announced = new List<string>();
        await foreach (var c in changes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"962-E-2026-0101"}")))
            announced.Add(c.GetString("ChangeKey"));
        Assert.Contains(announced, k => k.StartsWith("CapacityChange|14|", StringComparison.Ordinal));

        // The start cannot pass recorded entries; the kind is fixed.
        var start = await Json(await Koordination.PutAsJsonAsync("/api/measures/962-E-2026-0101", new { start = "2026-11-01" }));
        Assert.Contains("bereits jemand eingetreten", ErrorOf(start, "start"));
        var kind = await Json(await Koordination.PutAsJsonAsync("/api/measures/962-E-2026-0101", new { kind = "Agh" }));
        Assert.Contains("kann nicht geändert werden", ErrorOf(kind, "kind"));
        Assert.Equal(HttpStatusCode.NotFound, (await Koordination.PutAsJsonAsync("/api/measures/962-X-0000", new { title = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Koordination.PostAsync("/api/measures/962%23X'1/close", null)).StatusCode);
    }

    [Fact]
    public async Task Changing_dates_moves_the_derived_entry_dates_and_intake_deadline_but_never_off_recorded_entries()
    {
        Assert.Equal(HttpStatusCode.Created, (await Koordination.PostAsJsonAsync("/api/measures", DiaAm("962-D-TEST-0002", start: "2026-12-07"))).StatusCode);
        var moved = await Json(await Koordination.PutAsJsonAsync("/api/measures/962-D-TEST-0002", new { start = "2026-12-14" }));
        Assert.Equal("2026-12-14", moved.GetProperty("entryDates")[0].GetString());
        Assert.Equal("2026-12-28", moved.GetProperty("entryDates")[1].GetString());

        Assert.Equal(HttpStatusCode.Created, (await Koordination.PostAsJsonAsync("/api/measures", Ub("962-U-TEST-0002"))).StatusCode);
        var ub = await Json(await Koordination.PutAsJsonAsync("/api/measures/962-U-TEST-0002", new { start = "2027-01-01" }));
        Assert.Equal("2027-12-31", ub.GetProperty("intakeDeadline").GetString());

        // 962-D-2026-0201 has participants who entered on its 14-day grid: moving the start by a week would strand them.
        var dia = await Json(await Koordination.GetAsync("/api/measures/962-D-2026-0201"));
        var start = DateOnly.Parse(dia.GetProperty("start").GetString()!);
        var refused = await Koordination.PutAsJsonAsync("/api/measures/962-D-2026-0201", new { start = start.AddDays(-7).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("lägen nicht mehr auf einem Einstiegstermin", ErrorOf(await Json(refused), "start"));
        // …and a contingent below what the recorded stays commit.
        var tm = await Json(await Koordination.PutAsJsonAsync("/api/measures/962-D-2026-0201", new { teilnahmemonate = 1 }));
        Assert.Contains("Das Kontingent kann nicht unter", ErrorOf(tm, "teilnahmemonate"));
    }

    [Fact]
    public async Task A_closed_measure_leaves_the_list_and_takes_no_requests_but_stays_readable()
    {
        Assert.Equal(HttpStatusCode.Created, (await Koordination.PostAsJsonAsync("/api/measures", Ub("962-U-TEST-0003"))).StatusCode);
        var inUse = await Koordination.PostAsync("/api/measures/962-E-2026-0101/close", null);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("measure_in_use", (await Json(inUse)).GetProperty("code").GetString());

        var closed = await Koordination.PostAsync("/api/measures/962-U-TEST-0003/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = await Json(closed);
        Assert.True(view.GetProperty("closed").GetBoolean());
        Assert.Equal("2026-11-21", view.GetProperty("closedOn").GetString());
        Assert.Equal(0, view.GetProperty("freePlaces").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Koordination.PostAsync("/api/measures/962-U-TEST-0003/close", null)).StatusCode); // twice: no change

        var list = await Koordination.GetFromJsonAsync<JsonElement[]>("/api/measures");
        Assert.DoesNotContain(list!, m => m.GetProperty("number").GetString() == "962-U-TEST-0003");
        var all = await Koordination.GetFromJsonAsync<JsonElement[]>("/api/measures?includeClosed=true");
        Assert.Contains(all!, m => m.GetProperty("number").GetString() == "962-U-TEST-0003");
        Assert.True((await Json(await Koordination.GetAsync("/api/measures/962-U-TEST-0003"))).GetProperty("closed").GetBoolean());

        var edit = await Koordination.PutAsJsonAsync("/api/measures/962-U-TEST-0003", new { title = "Neu" });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("measure_closed", (await Json(edit)).GetProperty("code").GetString());
        var request = await app.ClientAs("ifk-anna-zimmermann").PostAsJsonAsync("/api/measures/962-U-TEST-0003/requests", new { customerRef = "TN-4711" });
        Assert.False(request.IsSuccessStatusCode);
        Assert.Contains("geschlossen", await request.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Coordinator_creates_Traeger_that_everyone_can_list()
    {
        var res = await Koordination.PostAsJsonAsync("/api/traeger", new { name = "Bildungsträger Süd GmbH", city = "Musterstadt", contactEmail = "info@bt-sued.example" });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var t = await Json(res);
        Assert.Equal("tr-bildungstraeger-sued-gmbh", t.GetProperty("id").GetString());

        var list = await app.ClientAs("ifk-anna-zimmermann").GetFromJsonAsync<JsonElement[]>("/api/traeger");
        Assert.Contains(list!, x => x.GetProperty("id").GetString() == "tr-bildungstraeger-sued-gmbh");
        Assert.Equal(13, list!.Length); // 12 demo Träger + this one

        var same = await Koordination.PostAsJsonAsync("/api/traeger", new { name = "bildungsträger süd gmbh" });
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        var bad = await Json(await Koordination.PostAsJsonAsync("/api/traeger", new { id = "Tr X!", contactEmail = "keine-adresse" }));
        Assert.Equal("Der Name des Trägers fehlt.", ErrorOf(bad, "name"));
        Assert.Contains("Kleinbuchstaben", ErrorOf(bad, "id"));
        Assert.Equal("Die E-Mail-Adresse ist ungültig.", ErrorOf(bad, "contactEmail"));

        // The new Träger can carry a measure at once.
        var m = await Koordination.PostAsJsonAsync("/api/measures", new
        {
            number = "962-E-TEST-0005", title = "Neu", kind = "Einkaufsmaßnahme", traegerId = "tr-bildungstraeger-sued-gmbh",
            location = "Süd", start = "2027-01-04", end = "2027-06-30", places = 12, betreuerId = "betr.01@jobcenter-musterstadt.example",
        });
        Assert.Equal(HttpStatusCode.Created, m.StatusCode);
        Assert.Equal("betr-01", (await Json(m)).GetProperty("betreuer").GetProperty("id").GetString());
    }
}
