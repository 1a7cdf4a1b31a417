using System.Net.Http.Json;
using TeamsAmdl.Functions.Tests.Ratings;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// Issue 15 item 6: Kontaktbesuche recorded through the API come out of GET api/quality/cosach?month=yyyy-MM as the CSV
/// S&amp;QS paste into COSACH (semicolon, German dates, Träger and staff names resolved). Roles and bad input are refused in German.
/// </summary>
public sealed class CosachApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Recorded_contacts_are_exported_per_month_as_semicolon_CSV()
    {
        var koord = app.ClientAs("koord-weber");
        async Task<int> Record(object body) => (int)(await koord.PostAsJsonAsync("/api/quality/contacts", body)).StatusCode;

        // 962-E-2026-0101 (Bildungswerk Rheinaue) started 01.07.2026, 962-E-2026-0103 (Bildungszentrum am Hafen) 01.05.2026; today is 21.11.2026.
        Assert.Equal(201, await Record(new { measureNumber = "962-E-2026-0101", date = "2026-11-03", type = "Kontaktbesuch" }));
        Assert.Equal(200, await Record(new { measureNumber = "962-E-2026-0101", date = "2026-11-03", type = "Kontaktbesuch" })); // same contact again
        Assert.Equal(201, await Record(new { measureNumber = "962-E-2026-0103", date = "2026-11-20", type = "Massnahmepruefung" }));
        Assert.Equal(201, await Record(new { measureNumber = "962-E-2026-0103", date = "2026-10-30", type = "Kontaktbesuch" }));
        Assert.Equal(400, await Record(new { measureNumber = "962-E-2026-0103", date = "2026-11-22", type = "Kontaktbesuch" })); // tomorrow
        Assert.Equal(400, await Record(new { measureNumber = "962-E-2026-0101", date = "2026-06-30", type = "Kontaktbesuch" })); // before the start
        Assert.Equal(400, await Record(new { measureNumber = "962-E-2026-0101", date = "2026-11-03", type = "6" }));              // names only
        Assert.Equal(404, await Record(new { measureNumber = "962-E-9999-0000", date = "2026-11-03", type = "Kontaktbesuch" }));
        var ifk = await app.ClientAs("tl-schubert").PostAsJsonAsync("/api/quality/contacts",
            new { measureNumber = "962-E-2026-0101", date = "2026-11-03", type = "Kontaktbesuch" });
        Assert.Equal(403, (int)ifk.StatusCode);

        var response = await app.ClientAs("sqs-krause").GetAsync("/api/quality/cosach?month=2026-11");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("cosach-kontakte-2026-11.csv", response.Content.Headers.ContentDisposition!.ToString());
        var csv = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            "\uFEFFKontaktart;Bezeichnung;Datum;Träger;Maßnahmenummer;Mitarbeitende\r\n" +
            "6;Kontaktbesuch;03.11.2026;Bildungswerk Rheinaue gGmbH;962-E-2026-0101;Julia Weber\r\n" +
            "3;Maßnahmeprüfung;20.11.2026;Bildungszentrum am Hafen e.V.;962-E-2026-0103;Julia Weber\r\n",
            csv);
        Assert.Contains("30.10.2026", await app.ClientAs("gf-hartmann").GetStringAsync("/api/quality/cosach?month=2026-10"));

        Assert.Equal(403, (int)(await app.ClientAs("tl-schubert").GetAsync("/api/quality/cosach?month=2026-11")).StatusCode);
        var bad = await app.ClientAs("sqs-krause").GetAsync("/api/quality/cosach?month=11-2026");
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("JJJJ-MM", await bad.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)(await app.ClientAs("sqs-krause").GetAsync("/api/quality/cosach")).StatusCode);
    }

    [Fact]
    public async Task Monitoring_figures_are_for_management_roles_only_and_a_month_must_be_yyyy_MM()
    {
        Assert.Equal(403, (int)(await app.ClientAs("ifk-anna-zimmermann").GetAsync("/api/quality/monitoring")).StatusCode);
        Assert.Equal(400, (int)(await app.ClientAs("gf-hartmann").GetAsync("/api/quality/monitoring?month=2026-13")).StatusCode);
        var all = await app.ClientAs("gf-hartmann").GetStringAsync("/api/quality/monitoring?month=2026-11");
        Assert.Contains("\"reportDay\":\"2026-11-30\"", all);
        Assert.Contains("962-D-2026-0201", all);
        Assert.DoesNotContain("962-A-2026-0401", all); // AGH: no purchased places
        Assert.Equal(200, (int)(await app.ClientAs("tl-wolf").GetAsync("/api/quality/tasks")).StatusCode);
    }
}
