using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TeamsAmdl.Functions.Tests;

public sealed class MeasuresApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement[]> MeasuresAs(string user)
    {
        var res = await app.ClientAs(user).GetAsync("/api/measures");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private static JsonElement Find(JsonElement[] list, string number) => list.Single(m => m.GetProperty("number").GetString() == number);

    [Fact]
    public async Task Coordinator_sees_every_demo_measure_with_its_free_places()
    {
        var list = await MeasuresAs("koord-weber");
        Assert.Equal(26, list.Length);
        Assert.Equal(6, list.Select(m => m.GetProperty("kind").GetString()).Distinct().Count());

        // 12 places, 9 active, one Abbruch (exited) that no longer counts.
        var jugend = Find(list, "962-E-2026-0101");
        Assert.Equal(9, jugend.GetProperty("occupied").GetInt32());
        Assert.Equal(3, jugend.GetProperty("freePlaces").GetInt32());
        Assert.Equal("Bildungswerk Rheinaue gGmbH", jugend.GetProperty("traeger").GetProperty("name").GetString());

        // Full measure.
        Assert.Equal(0, Find(list, "962-E-2026-0102").GetProperty("freePlaces").GetInt32());

        // UB: 13 places, 8 active → 5 free, Mindestplatzzahl 10 → warning while in the first 12 months.
        var ub = Find(list, "962-U-2026-0301");
        Assert.Equal(5, ub.GetProperty("freePlaces").GetInt32());
        Assert.Equal(10, ub.GetProperty("capacity").GetProperty("minimumPlaces").GetInt32());
        Assert.Contains(ub.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Mindestplatzzahl (10)"));

        // UB started 14 months ago: intake window closed, no free place is offered although 3 are empty.
        var closed = Find(list, "962-U-2026-0302");
        Assert.False(closed.GetProperty("intakeOpen").GetBoolean());
        Assert.Equal(0, closed.GetProperty("freePlaces").GetInt32());
        Assert.Equal(7, closed.GetProperty("occupied").GetInt32());

        // DIA-AM: entry dates every 14 days from the start; the next one is offered.
        var dia = Find(list, "962-D-2026-0201");
        var start = DateOnly.Parse(dia.GetProperty("start").GetString()!);
        var next = DateOnly.Parse(dia.GetProperty("nextEntryDate").GetString()!);
        Assert.Equal(0, (next.DayNumber - start.DayNumber) % 14);
        Assert.True(next >= new DateOnly(2026, 11, 21));
    }

    [Fact]
    public async Task Filters_by_team_and_kind_and_rejects_an_unknown_kind()
    {
        var client = app.ClientAs("koord-weber");
        var dia = await client.GetFromJsonAsync<JsonElement[]>("/api/measures?kind=DiaAm");
        Assert.Equal(4, dia!.Length);
        var team = await client.GetFromJsonAsync<JsonElement[]>("/api/measures?team=team-reha");
        Assert.All(team!, m => Assert.Equal("team-reha", m.GetProperty("team").GetProperty("id").GetString()));
        var bad = await client.GetAsync("/api/measures?kind=Zauberkurs");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Unbekannte Maßnahmeart", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_measure_is_404_with_a_german_message()
    {
        var res = await app.ClientAs("koord-weber").GetAsync("/api/measures/962-X-0000");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unknown_measure", body.GetProperty("code").GetString());
        Assert.Equal("Die Maßnahme „962-X-0000“ gibt es nicht.", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task One_measure_by_number()
    {
        var m = await app.ClientAs("koord.weber@jobcenter-musterstadt.example")
            .GetFromJsonAsync<JsonElement>("/api/measures/962-E-2026-0104");
        Assert.Equal("Bewerbungswerkstatt Digital", m.GetProperty("title").GetString());
        Assert.Equal(7, m.GetProperty("freePlaces").GetInt32());
    }

    [Fact]
    public async Task Anonymous_and_unknown_demo_users_get_401()
    {
        var anon = await app.ClientAs(null).GetAsync("/api/measures");
        Assert.Equal(HttpStatusCode.Unauthorized, anon.StatusCode);
        Assert.Contains("X-Dev-User", await anon.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs("niemand").GetAsync("/api/measures")).StatusCode);
    }

    [Fact]
    public async Task Dev_users_lists_the_demo_staff_with_roles()
    {
        var users = await app.ClientAs(null).GetFromJsonAsync<JsonElement[]>("/api/dev/users");
        Assert.True(users!.Length >= 40);
        var roles = users.SelectMany(u => u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())).ToHashSet();
        foreach (var r in new[] { "Koordinator", "Betreuer", "Ifk", "Bewerter", "FachkraftSqs", "Teamleitung", "KoordinierendeFuehrungskraft", "Geschaeftsleitung" })
            Assert.Contains(r, roles);
        Assert.Contains(users, u => u.GetProperty("id").GetString() == "koord-weber");
    }

    [Fact]
    public async Task Health_checks_storage()
    {
        var res = await app.ClientAs(null).GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", res.GetProperty("storage").GetString());
    }
}

public sealed class ProductionModeTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Refuses_anonymous_callers_and_ignores_the_dev_header()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs(null).GetAsync("/api/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs("koord-weber").GetAsync("/api/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(null).GetAsync("/api/dev/users")).StatusCode);
        var forged = app.ClientAs(null);
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/measures")).StatusCode);
    }
}
