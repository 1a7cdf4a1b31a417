using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Measures;

/// <summary>An app on EMPTY storage (Seed:Demo=false): a Jobcenter that brings its own data. Staff, teams and Träger
/// are written as the Entra sync and POST api/traeger would; measures come only from the import.</summary>
public sealed class EmptyAppFactory : AppFactory, IAsyncLifetime
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "false");
    }

    public async Task InitializeAsync()
    {
        var staff = Services.GetRequiredService<StaffRepository>();
        await staff.UpsertTeamAsync(new Team("team-mitte", "Team Mitte", "Musterstadt-Mitte"));
        await staff.UpsertAsync(new Staff("koord-a", "Kora Koordination", "kora.koordination@jc.example", "team-mitte", new HashSet<StaffRole> { StaffRole.Koordinator }));
        await staff.UpsertAsync(new Staff("betr-a", "Bert Betreuung", "bert.betreuung@jc.example", "team-mitte", new HashSet<StaffRole> { StaffRole.Betreuer }));
        await staff.UpsertAsync(new Staff("betr-b", "Berta Böhm", "berta.boehm@jc.example", "team-mitte", new HashSet<StaffRole> { StaffRole.Betreuer }));
        var traeger = Services.GetRequiredService<TraegerRepository>();
        await traeger.UpsertAsync(new Traeger("tr-nord", "Bildungswerk Nord gGmbH", "Musterstadt"));
        await traeger.UpsertAsync(new Traeger("tr-sued", "Träger Süd e.V.", "Musterstadt"));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Issue 13, Done-when: a coordinator imports a 30-line Maßnahmeübersicht on empty storage — the dry run lists exactly
/// the 2 broken lines, the fixed file creates 30 measures, the same file again changes nothing (also when saved as
/// Windows-1252); bad files are refused with German errors per line and column, and nothing is stored.
/// </summary>
public sealed class MeasureImportTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private const string Header =
        "Maßnahmenummer;Maßnahmetitel;Maßnahmeart;Rechtsgrundlage;Träger;Maßnahmeort;Maßnahmebeginn;Maßnahmeende;Plätze;Höchstbelegung;" +
        "Durchschnittsbelegung;Teilnahmemonate;Maßnahmebetreuer;Maßnahmekoordinator;Team;Zielgruppe;Bemerkung";

    private static readonly string[] Kinds = ["Einkaufsmaßnahme", "DIA-AM", "UB/InbeQ", "AGH", "LAP-Projekt", "AVGS"];

    /// <summary>Line i (1-based) of the file as Excel saves it: Träger by name, Betreuer by e-mail, German dates and numbers.</summary>
    private static string Line(string prefix, int i, string? end = null, string traeger = "Träger Süd e.V.", string places = "12",
        string betreuer = "bert.betreuung@jc.example", string? number = null)
    {
        var kind = Kinds[(i - 1) % Kinds.Length];
        var dia = kind == "DIA-AM";
        return string.Join(';', number ?? $"{prefix}-{i:000}", $"\"Maßnahme {i}; Qualifizierung\"", kind, "", i % 2 == 0 ? "Bildungswerk Nord gGmbH" : traeger,
            "Musterstadt-Süd", "04.01.2027", end ?? (dia ? "31.12.2028" : "31.12.2027"), dia ? "" : places, dia ? "60" : "", dia ? "48" : "",
            dia ? "1.234,5" : "", betreuer, "", "Team Mitte", "Ältere Arbeitsuchende", "Übernahme aus Excel");
    }

    private static string File(string prefix, int lines, Func<int, string>? line = null) =>
        Header + "\r\n" + string.Join("\r\n", Enumerable.Range(1, lines).Select(i => line?.Invoke(i) ?? Line(prefix, i))) + "\r\n";

    private async Task<(HttpStatusCode Status, JsonElement Body)> Import(byte[] file, bool dryRun, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var res = await app.ClientAs("koord-a").PostAsync($"/api/import/measures?dryRun={(dryRun ? "true" : "false")}", content);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        return (res.StatusCode, body);
    }

    private static JsonElement Report(JsonElement body) => body.TryGetProperty("report", out var r) ? r : body;

    private async Task<int> StoredAsync(string prefix) =>
        (await app.ClientAs("koord-a").GetFromJsonAsync<JsonElement[]>("/api/measures?includeClosed=true"))!
        .Count(m => m.GetProperty("number").GetString()!.StartsWith(prefix + "-", StringComparison.Ordinal));

    private static (int Line, string? Column, string Message)[] Errors(JsonElement report) =>
        Report(report).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToArray();

    [Fact]
    public async Task Dry_run_lists_the_two_broken_lines_the_fixed_file_creates_30_measures_and_a_reimport_changes_nothing()
    {
        // Line 6 of the file (measure 5) ends before it starts; line 18 (measure 17) names an unknown Träger.
        var broken = File("IMP", 30, i => i switch
        {
            5 => Line("IMP", i, end: "01.12.2026"),
            17 => Line("IMP", i, traeger: "Unbekannte Bildung GmbH"),
            _ => Line("IMP", i),
        });
        var (status, dry) = await Import(Encoding.UTF8.GetBytes(broken), dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        var errors = Errors(dry);
        Assert.Equal([6, 18], errors.Select(e => e.Line).ToArray());
        Assert.Equal(("Maßnahmeende", "Das Maßnahmeende (01.12.2026) liegt vor dem Beginn (04.01.2027)."), (errors[0].Column, errors[0].Message));
        Assert.Equal("Träger", errors[1].Column);
        Assert.StartsWith("Den Träger „Unbekannte Bildung GmbH“ gibt es nicht.", errors[1].Message);
        Assert.Equal(28, dry.GetProperty("created").GetInt32());
        Assert.Equal("error", dry.GetProperty("results")[4].GetProperty("action").GetString());
        Assert.Equal(0, await StoredAsync("IMP"));

        // Applying the broken file: 422 with the same findings, nothing stored (all or nothing).
        var (applyStatus, refused) = await Import(Encoding.UTF8.GetBytes(broken), dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, applyStatus);
        Assert.Equal("import_invalid", refused.GetProperty("code").GetString());
        Assert.Equal(2, Report(refused).GetProperty("errorCount").GetInt32());
        Assert.Equal(0, await StoredAsync("IMP"));

        // Fixed (and saved with a BOM, as Excel's "CSV UTF-8" does): 30 measures.
        var fixedFile = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(File("IMP", 30))).ToArray();
        var (okStatus, applied) = await Import(fixedFile, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(30, applied.GetProperty("created").GetInt32());
        Assert.Equal(30, await StoredAsync("IMP"));
        var dia = await app.ClientAs("koord-a").GetFromJsonAsync<JsonElement>("/api/measures/IMP-002");
        Assert.Equal(1234.5m * 30, dia.GetProperty("tmContingentDays").GetDecimal());
        Assert.Equal("Maßnahme 2; Qualifizierung", dia.GetProperty("title").GetString());
        Assert.Equal("team-mitte", dia.GetProperty("team").GetProperty("id").GetString());
        Assert.Equal("koord-a", dia.GetProperty("koordinator").GetProperty("id").GetString());
        Assert.Equal(5, dia.GetProperty("entryDates").GetArrayLength());

        // The same file again, and the same content saved as Windows-1252 ("CSV (Trennzeichen-getrennt)"): 0 changes.
        var (_, again) = await Import(fixedFile, dryRun: false);
        Assert.Equal((0, 0, 30), (again.GetProperty("created").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(File("IMP", 30));
        var (_, ansiReport) = await Import(ansi, dryRun: true);
        Assert.Equal("Windows-1252", ansiReport.GetProperty("encoding").GetString());
        Assert.Equal(30, ansiReport.GetProperty("unchanged").GetInt32());

        // One changed line: the dry run names the change.
        var (_, changed) = await Import(Encoding.UTF8.GetBytes(File("IMP", 30, i => i == 1 ? Line("IMP", i, places: "14") : Line("IMP", i))), dryRun: true);
        Assert.Equal(1, changed.GetProperty("changed").GetInt32());
        Assert.Equal("Plätze: 12 → 14", changed.GetProperty("results")[0].GetProperty("changes")[0].GetString());
    }

    [Fact]
    public async Task Bad_files_are_refused_with_German_errors_per_line_and_column_and_nothing_is_stored()
    {
        async Task<(int Line, string? Column, string Message)[]> Refused(byte[] file)
        {
            var (status, body) = await Import(file, dryRun: false);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal(0, await StoredAsync("BAD"));
            return Errors(body);
        }

        // Wrong encoding: UTF-16 ("Unicode-Text"), and UTF-8 that was saved again as Windows-1252.
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File("BAD", 2))).ToArray();
        Assert.Contains("UTF-16", (await Refused(utf16)).Single().Message);
        var doubled = Encoding.UTF8.GetBytes(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(Encoding.UTF8.GetBytes(File("BAD", 2))));
        Assert.Contains("„Ã¤“ statt „ä“", (await Refused(doubled)).Single().Message);

        // Missing columns.
        var noStart = File("BAD", 2).Replace("Maßnahmebeginn;", "Start;", StringComparison.Ordinal);
        var missing = await Refused(Encoding.UTF8.GetBytes(noStart));
        Assert.Equal((1, "Maßnahmebeginn"), (missing.Single().Line, missing.Single().Column));
        Assert.StartsWith("Die Spalte „Maßnahmebeginn“ fehlt", missing.Single().Message);

        // Duplicate numbers, end before start, 2147483647 places, unknown Betreuer, a date that is none.
        var lines = File("BAD", 6, i => i switch
        {
            2 => Line("BAD", i, number: "BAD-001"),
            3 => Line("BAD", i, end: "01.01.2026"),
            4 => Line("BAD", i, places: "2147483647"),
            5 => Line("BAD", i, betreuer: "wer.anders@jc.example"),
            6 => Line("BAD", i, end: "31.02.2027"),
            _ => Line("BAD", i),
        });
        var errors = await Refused(Encoding.UTF8.GetBytes(lines));
        Assert.Contains((3, "Maßnahmenummer", "Die Maßnahmenummer „BAD-001“ steht schon in Zeile 2."), errors);
        Assert.Contains(errors, e => e is { Line: 4, Column: "Maßnahmeende" } && e.Message.Contains("liegt vor dem Beginn"));
        Assert.Contains(errors, e => e is { Line: 5, Column: "Plätze" } && e.Message.StartsWith("2147483647 Plätze sind nicht plausibel"));
        Assert.Contains((6, "Maßnahmebetreuer", "„wer.anders@jc.example“ ist keinem Mitarbeitenden des Jobcenters zugeordnet."), errors);
        Assert.Contains((7, "Maßnahmeende", "„31.02.2027“ ist kein Datum (TT.MM.JJJJ)."), errors);
        Assert.Equal(5, errors.Length);

        // Not CSV at all, and too large.
        var (jsonStatus, _) = await Import("{}"u8.ToArray(), dryRun: true, contentType: "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, jsonStatus);
        var (largeStatus, large) = await Import(new byte[5 * 1024 * 1024 + 1], dryRun: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeStatus);
        Assert.Contains("höchstens 5 MB", large.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_reimport_below_the_occupancy_is_refused_and_changes_nothing()
    {
        var (_, created) = await Import(Encoding.UTF8.GetBytes(File("OCC", 1)), dryRun: false);
        Assert.Equal(1, created.GetProperty("created").GetInt32());
        // Three participants entered (as the participants feature records them).
        var tables = app.Services.GetRequiredService<Tables>();
        for (var i = 1; i <= 3; i++)
            await tables.Measures.AddEntityAsync(PlaceEntity.From(new Participation("OCC-001", $"TN-10{i}-AB", new DateOnly(2027, 1, 4)), DateTimeOffset.UtcNow));

        var (status, body) = await Import(Encoding.UTF8.GetBytes(File("OCC", 1, i => Line("OCC", i, places: "2"))), dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal((2, "Plätze", "Die Platzzahl kann nicht auf 2 sinken: 3 Plätze sind belegt oder vorgemerkt."), Errors(body).Single());
        var stored = await app.ClientAs("koord-a").GetFromJsonAsync<JsonElement>("/api/measures/OCC-001");
        Assert.Equal(12, stored.GetProperty("capacity").GetProperty("places").GetInt32());
    }

    [Fact]
    public async Task Only_coordinators_import()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(File("ROLE", 1)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var res = await app.ClientAs("betr-a").PostAsync("/api/import/measures?dryRun=false", content);
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal(0, await StoredAsync("ROLE"));
    }
}
