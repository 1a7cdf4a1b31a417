using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Quality.Inspections;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// The inspection and Mängel API on the demo Jobcenter (today 21.11.2026; demo measures start on the first of a month
/// relative to November 2026): the plan contract, a date shift, ad hoc announcements, recording with a Mangel and the
/// Prüfbericht, every Mängel step over HTTP with its refusals, the audit log and the calendar.
/// </summary>
public sealed class InspectionApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Koordinator = "koord-weber";
    private const string Sqs = "sqs-krause";

    private static async Task<JsonNode> JsonOf(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    private static string Plan(JsonNode list) =>
        string.Join(" ", list.AsArray().Select(i => $"{(string)i!["date"]!}:{(string)i["kind"]!}:{(string)i["status"]!}"));

    [Fact]
    public async Task The_plan_follows_the_contract_for_every_kind_and_refuses_unknown_and_unauthorised_callers()
    {
        var c = app.ClientAs(Koordinator);
        // 962-E-2026-0104: 01.10.2026–31.03.2027 (6 months): 01.01.2027 Neujahr (Friday) → Monday 04.01.; no 9-month slot.
        var r = await c.GetAsync("/api/measures/962-E-2026-0104/inspections");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await JsonOf(r);
        Assert.Equal("2027-01-04:regular:planned", Plan(body));
        Assert.Equal(["date", "kind", "status"], new[] { "date", "kind", "status" }.Where(k => body[0]!.AsObject().ContainsKey(k)));
        // DIA-AM 962-D-2026-0202: 01.04.2026–31.03.2028: 01.07.2026 and 01.01.2027 → 04.01.2027.
        Assert.Equal("2026-07-01:regular:planned 2027-01-04:regular:planned", Plan(await JsonOf(await c.GetAsync("/api/measures/962-D-2026-0202/inspections"))));
        // 962-E-2026-0106 starts 01.08.2026: 01.11.2026 Sunday and Allerheiligen → 02.11.; 01.05.2027 Saturday, holiday → 03.05.
        Assert.Equal("2026-11-02:regular:planned 2027-05-03:regular:planned", Plan(await JsonOf(await c.GetAsync("/api/measures/962-E-2026-0106/inspections"))));
        // AGH: no rhythm.
        Assert.Equal("[]", (await JsonOf(await c.GetAsync("/api/measures/962-A-2026-0401/inspections"))).ToJsonString());

        var unknown = await c.GetAsync("/api/measures/962-X-0000/inspections");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Die Maßnahme „962-X-0000“ gibt es nicht.", (string)(await JsonOf(unknown))["title"]!);
        var ifk = await app.ClientAs("ifk-anna-zimmermann").GetAsync("/api/measures/962-E-2026-0104/inspections");
        Assert.Equal(HttpStatusCode.Forbidden, ifk.StatusCode);
    }

    [Fact]
    public async Task A_date_shift_after_creation_moves_the_plan_and_drops_a_stale_confirmation()
    {
        var c = app.ClientAs(Koordinator);
        const string url = "/api/measures/962-E-2026-0102/inspections";
        // 962-E-2026-0102: 01.09.2026–31.05.2027: 3 months 01.12.2026 (Tuesday); 9 months 01.06.2027 after the end.
        Assert.Equal("2026-12-01:regular:planned", Plan(await JsonOf(await c.GetAsync(url))));
        var confirmed = await app.ClientAs("betr-02").PostAsync(url + "/regular-3/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Jan Becker", (string)(await JsonOf(confirmed))["confirmedBy"]!);
        Assert.Equal("2026-12-01:regular:confirmed", Plan(await JsonOf(await c.GetAsync(url))));

        // The start moves to 31.08.2026 and the end to 31.12.2027: 30.11.2026 (clamped, Monday) and 31.05.2027 (Monday), both planned.
        var put = await c.PutAsJsonAsync("/api/measures/962-E-2026-0102", new { start = "2026-08-31", end = "2027-12-31" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal("2026-11-30:regular:planned 2027-05-31:regular:planned", Plan(await JsonOf(await c.GetAsync(url))));

        // Moving the date of a slot: planned on the new date; a date outside the measure or in the past is refused in German.
        var moved = await c.PostAsJsonAsync(url + "/regular-3/reschedule", new { date = "2027-01-12" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2027-01-12:regular:planned 2027-05-31:regular:planned", Plan(await JsonOf(await c.GetAsync(url))));
        var past = await c.PostAsJsonAsync(url + "/regular-9/reschedule", new { date = "2026-11-20" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("Ein Termin kann nicht vor heute (21.11.2026) liegen.", (string)(await JsonOf(past))["title"]!);
        var outside = await c.PostAsJsonAsync(url + "/regular-9/reschedule", new { date = "2028-01-10" });
        Assert.Equal("Das Datum muss in der Laufzeit der Maßnahme liegen (31.08.2026 bis 31.12.2027).", (string)(await JsonOf(outside))["title"]!);
    }

    [Fact]
    public async Task Adhoc_inspections_are_the_Koordinators_and_stay_when_the_plan_changes()
    {
        const string url = "/api/measures/962-E-2026-0107/inspections";
        var refused = await app.ClientAs("betr-07").PostAsJsonAsync(url, new { date = "2026-12-10" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Angekündigte Prüfungen legt die Koordination an.", (string)(await JsonOf(refused))["title"]!);
        var personal = await app.ClientAs(Koordinator).PostAsJsonAsync(url, new { date = "2026-12-10", note = "Beschwerde von Max Mustermann, geb. 01.02.1990" });
        Assert.Equal(HttpStatusCode.BadRequest, personal.StatusCode);
        var created = await app.ClientAs(Koordinator).PostAsJsonAsync(url, new { date = "2026-12-10", note = "Hinweise auf Unterbesetzung" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // 962-E-2026-0107: 01.11.2026–30.04.2027, 3 months 01.02.2027 (Monday).
        Assert.Equal("2026-12-10:adhoc:planned 2027-02-01:regular:planned", Plan(await JsonOf(await app.ClientAs(Koordinator).GetAsync(url))));
        var put = await app.ClientAs(Koordinator).PutAsJsonAsync("/api/measures/962-E-2026-0107", new { start = "2026-11-02" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal("2026-12-10:adhoc:planned 2027-02-02:regular:planned", Plan(await JsonOf(await app.ClientAs(Koordinator).GetAsync(url))));
    }

    [Fact]
    public async Task Recording_files_the_Pruefbericht_and_every_Mangel_step_is_dated_audited_and_refused_in_German_when_illegal()
    {
        const string measure = "962-E-2026-0101"; // 01.07.2026–30.06.2027, Betreuer betr-01: 3 months 01.10.2026 (past, planned)
        var c = app.ClientAs(Koordinator);
        var early = await c.PostAsJsonAsync($"/api/measures/{measure}/inspections/regular-9/record", new { findings = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("Eine Prüfung kann erst am Prüftag oder danach erfasst werden (Prüfdatum 01.04.2027).", (string)(await JsonOf(early))["title"]!);
        var badType = await c.PostAsJsonAsync($"/api/measures/{measure}/inspections/regular-3/record", new { contactType = 4 });
        Assert.Equal("Die COSACH-Kontaktart muss 3 (Maßnahmeprüfung) oder 6 (Kontaktbesuch) sein.", (string)(await JsonOf(badType))["title"]!);

        var recorded = await c.PostAsJsonAsync($"/api/measures/{measure}/inspections/regular-3/record", new
        {
            attendees = new[] { Koordinator, "betr-01" }, findings = "Anwesenheitslisten unvollständig geführt.", contactType = 3,
            maengel = new[] { new { description = "Anwesenheitslisten nicht tagesaktuell", serious = false }, new { description = "Kein Sozialpädagoge vor Ort", serious = true } },
        });
        var view = await JsonOf(recorded);
        Assert.True(recorded.IsSuccessStatusCode, view.ToJsonString());
        Assert.Equal("recorded", (string)view["status"]!);
        Assert.Equal(3, (int)view["recording"]!["contactType"]!);
        Assert.Equal(["Julia Weber", "Katrin Fischer"], view["recording"]!["attendees"]!.AsArray().Select(a => (string)a!));
        var eAkte = (string)view["recording"]!["eAkte"]!;
        Assert.Equal("Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Vor-Ort-Besuche und Prüfberichte/2026-10-01_Prüfbericht Vor-Ort-Besuch 962-E-2026-0101 regular-3.docx", eAkte);
        var jobs = await app.Services.GetRequiredService<FilingOutbox>().ListAsync();
        Assert.Contains(jobs, j => j.Path == eAkte);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostAsJsonAsync($"/api/measures/{measure}/inspections/regular-3/record", new { findings = "nochmal" })).StatusCode);
        // The recorded inspection is a COSACH contact (type 3) of October for the S&QS export, once per attendee.
        var cosach = await app.ClientAs(Sqs).GetStringAsync("/api/quality/cosach?month=2026-10");
        Assert.Contains("3;Maßnahmeprüfung;01.10.2026;Bildungswerk Rheinaue gGmbH;962-E-2026-0101", cosach);
        Assert.Contains("Julia Weber", cosach);
        Assert.Contains("Katrin Fischer", cosach);

        // Issue 18 item 4: a Träger's reply filed from Outlook under "Schriftverkehr Mängel" names the open Mängel.
        var mail = await c.PostAsJsonAsync("/api/addin/filings", new JsonObject
        {
            ["internetMessageId"] = "<maengel-antwort@test>", ["title"] = "Stellungnahme zu den Mängeln", ["sender"] = "buero@bw-rheinaue.example",
            ["receivedAt"] = "2026-11-20T09:15:00Z", ["traegerId"] = "tr-rheinaue", ["measureNumber"] = measure,
            ["category"] = "SchriftverkehrMaengel", ["mail"] = Convert.ToBase64String("Subject: Stellungnahme\r\n\r\nText"u8.ToArray()),
            ["bodyText"] = "Anbei unsere Stellungnahme.", ["attachments"] = new JsonArray(),
        });
        var notes = (await JsonOf(mail))["notes"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.True(mail.IsSuccessStatusCode, string.Join(" | ", notes));
        var note = Assert.Single(notes);
        Assert.StartsWith($"Offene Mängel zu {measure}: regular-3-m1 (Anwesenheitslisten nicht tagesaktuell); regular-3-m2", note);

        var t = $"/api/measures/{measure}/maengel/regular-3-m1/transitions";
        // Koordination may not write the letter; the Fachkraft S&QS may. Saturday 05.12.2026 → Monday 07.12.
        var wrongRole = await c.PostAsJsonAsync(t, new { action = "Stufe1", deadline = "2026-12-05" });
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal("„Mängelschreiben mit Frist (Stufe 1)“ ist Aufgabe der Fachkraft Steuerung & Qualitätssicherung.", (string)(await JsonOf(wrongRole))["title"]!);
        var notYet = await app.ClientAs(Sqs).PostAsJsonAsync(t, new { action = "Stufe2" });
        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.StartsWith("Das REZ wird erst unterrichtet", (string)(await JsonOf(notYet))["title"]!);
        var stufe1 = await app.ClientAs(Sqs).PostAsJsonAsync(t, new { action = "Stufe1", deadline = "2026-12-05" });
        var m1 = await JsonOf(stufe1);
        Assert.True(stufe1.IsSuccessStatusCode, m1.ToJsonString());
        Assert.Equal("2026-12-07", (string)m1["deadline"]!);
        Assert.Equal("Stufe1", (string)m1["status"]!);
        Assert.EndsWith("/Schriftverkehr Mängel/2026-11-21_Mängelschreiben Entwurf regular-3-m1.docx", (string)m1["letter"]!);
        var missedTooEarly = await app.ClientAs("betr-01").PostAsJsonAsync(t, new { action = "FristVersaeumt" });
        Assert.Equal(HttpStatusCode.Conflict, missedTooEarly.StatusCode);
        Assert.Equal("Die Frist läuft noch bis einschließlich 07.12.2026; versäumt ist sie erst danach.", (string)(await JsonOf(missedTooEarly))["title"]!);
        var fixedIt = await app.ClientAs("betr-01").PostAsJsonAsync(t, new { action = "Behoben" });
        Assert.Equal("Behoben", (string)(await JsonOf(fixedIt))["status"]!);
        var afterClose = await app.ClientAs(Sqs).PostAsJsonAsync(t, new { action = "Stufe2" });
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
        Assert.Equal("„REZ unterrichten (Stufe 2)“ ist im Status „Behoben (abgeschlossen)“ nicht möglich.", (string)(await JsonOf(afterClose))["title"]!);
        var unknownAction = await app.ClientAs(Sqs).PostAsJsonAsync(t, new { action = "Loeschen" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.StatusCode);

        // The serious one goes straight to Stufe 2 (a letter is refused), then leadership is informed.
        var s = $"/api/measures/{measure}/maengel/regular-3-m2/transitions";
        Assert.Equal(HttpStatusCode.Conflict, (await app.ClientAs(Sqs).PostAsJsonAsync(s, new { action = "Stufe1", deadline = "2026-12-05" })).StatusCode);
        Assert.Equal("Stufe2", (string)(await JsonOf(await app.ClientAs(Sqs).PostAsJsonAsync(s, new { action = "Stufe2" })))["status"]!);
        var leitung = await JsonOf(await app.ClientAs(Sqs).PostAsJsonAsync(s, new { action = "LeitungInformieren" }));
        Assert.Equal("LeitungInformiert", (string)leitung["status"]!);
        Assert.Equal(["Erfasst", "REZ unterrichten (Stufe 2)", "Bereichs-/Geschäftsleitung informieren"],
            leitung["history"]!.AsArray().Select(h => (string)h!["action"]!));
        Assert.Equal("Monika Krause", (string)leitung["history"]![2]!["by"]!);

        var list = await JsonOf(await c.GetAsync($"/api/measures/{measure}/inspections"));
        var rec = list.AsArray().Single(i => (string)i!["id"]! == "regular-3")!;
        Assert.Equal(["Behoben", "LeitungInformiert"], rec["maengel"]!.AsArray().Select(m => (string)m!["status"]!));
        // Koordination may close the one with leadership informed; nothing else.
        Assert.Equal(["Behoben"], rec["maengel"]![1]!["actions"]!.AsArray().Select(a => (string)a!));

        var audit = (await JsonOf(await c.GetAsync($"/api/measures/{measure}/quality-audit"))).AsArray();
        Assert.Equal(["Prüfung erfasst", "Erfasst", "Erfasst", "Mängelschreiben mit Frist (Stufe 1)", "Als behoben schließen",
            "REZ unterrichten (Stufe 2)", "Bereichs-/Geschäftsleitung informieren"], audit.Select(a => (string)a!["action"]!));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty((string)a!["by"]!)));
    }

    [Fact]
    public async Task The_calendar_lists_inspections_and_deadlines_by_date_with_team_and_type_filters()
    {
        var c = app.ClientAs("tl-schubert");
        var r = await c.GetAsync("/api/quality/calendar?from=2026-11-23&to=2026-12-31");
        var all = (await JsonOf(r)).AsArray();
        Assert.True(r.IsSuccessStatusCode, all.ToJsonString());
        Assert.Contains(all, e => (string)e!["measureNumber"]! == "962-U-2026-0304" && (string)e["date"]! == "2026-12-01" && (string)e["type"]! == "inspection");
        Assert.Equal(all.Select(e => (string)e!["date"]!).Order(StringComparer.Ordinal), all.Select(e => (string)e!["date"]!));
        var team = (string)all[0]!["teamId"]!;
        var filtered = (await JsonOf(await c.GetAsync($"/api/quality/calendar?from=2026-11-23&to=2026-12-31&team={team}"))).AsArray();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, e => Assert.Equal(team, (string)e!["teamId"]!));
        Assert.DoesNotContain((await JsonOf(await c.GetAsync("/api/quality/calendar?from=2026-11-23&to=2026-12-31&type=mangel-deadline"))).AsArray(),
            e => (string)e!["type"]! != "mangel-deadline");

        var bad = await c.GetAsync("/api/quality/calendar?from=2026-12-31&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/api/quality/calendar?type=urlaub")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("ifk-anna-zimmermann").GetAsync("/api/quality/calendar")).StatusCode);
    }
}
