using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>The coordinators' API: versioned templates, requests (validation, idempotency, R-SEC-2), TM data import, demo seed.</summary>
public sealed class RatingApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage res) => (await res.Content.ReadFromJsonAsync<JsonNode>())!;

    [Fact]
    public async Task The_default_template_is_stored_as_version_1_and_new_versions_do_not_change_running_requests()
    {
        using var coordinator = app.ClientAs(Coordinator);
        var list = (await JsonAsync(await coordinator.GetAsync("/api/ratings/templates"))).AsArray();
        var standard = list.Single(t => (string?)t!["id"] == "tm-standard")!;
        Assert.Equal((1, 15, 7, 8), ((int)standard["version"]!, (int)standard["questions"]!, (int)standard["hardFacts"]!, (int)standard["softFacts"]!));

        // A request started on version 1 …
        var (status, request) = await app.CreateRequestAsync("962-E-2026-0102", ["betr-02"]);
        Assert.Equal(201, status);
        Assert.Equal(1, (int?)request["templateVersion"]);

        // … keeps it when version 2 (a shorter questionnaire, threshold 2.5) is published.
        var v2 = new
        {
            title = "Trägerbewertung TM (Kurzfassung)",
            scale = new { min = 1, max = 4, threshold = 2.5, labels = new Dictionary<string, string> { ["1"] = "mangelhaft", ["4"] = "sehr gut" } },
            questions = new[]
            {
                new { id = "h1", section = "HardFacts", text = "Teilnehmerzahlen werden erreicht." },
                new { id = "s1", section = "SoftFacts", text = "Zusammenarbeit mit dem Jobcenter." },
            },
        };
        var created = await coordinator.PostAsJsonAsync("/api/ratings/templates/tm-standard/versions", v2);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, (int?)(await JsonAsync(created))["version"]);
        var again = await coordinator.PostAsJsonAsync("/api/ratings/templates/tm-standard/versions", new { version = 2, v2.title, v2.scale, v2.questions });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Die nächste Version ist 3.", (string?)(await JsonAsync(again))["title"]);

        var latest = await JsonAsync(await coordinator.GetAsync("/api/ratings/templates/tm-standard"));
        Assert.Equal(2, (int?)latest["version"]);
        Assert.Equal(15, (await JsonAsync(await coordinator.GetAsync("/api/ratings/templates/tm-standard?version=1")))["questions"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/ratings/templates/tm-standard?version=9")).StatusCode);
        var garbage = await coordinator.GetAsync("/api/ratings/templates/tm-standard?version=zwei");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("Die Version „zwei“ ist keine ganze Zahl ab 1.", (string?)(await JsonAsync(garbage))["title"]);

        var assessor = (await app.Service<StaffRepository>().GetAsync("betr-02"))!;
        var page = await app.Service<RatingFlow>().OpenAsync(assessor, new JsonObject { ["ratingId"] = (string)request["id"]! }, CancellationToken.None);
        var card = Assert.IsType<CardActionResult.CardResult>(page).ReplacementCard.ToJsonObject();
        Assert.Contains("Seite 1 von 3 · Hard Facts", Text(card));
        Assert.Equal(14, InputIds(card).Count); // 7 questions of version 1

        var (_, newer) = await app.CreateRequestAsync("962-E-2026-0102", ["betr-06"]);
        Assert.Equal(2, (int?)newer["templateVersion"]);
    }

    [Fact]
    public async Task Invalid_templates_and_non_coordinators_are_refused_in_German()
    {
        using var coordinator = app.ClientAs(Coordinator);
        var noSoft = await coordinator.PostAsJsonAsync("/api/ratings/templates/nur-hard/versions", new
        {
            title = "Nur Hard Facts", questions = new[] { new { id = "h1", section = "HardFacts", text = "Frage" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, noSoft.StatusCode);
        Assert.Equal("Ein Fragebogen braucht mindestens eine Frage zu den Hard Facts und eine zu den Soft Facts.", (string?)(await JsonAsync(noSoft))["title"]);
        var badJson = await coordinator.PostAsync("/api/ratings/templates/x/versions", new StringContent("{kaputt", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        using var ifk = app.ClientAs("ifk-anna-zimmermann");
        var forbidden = await ifk.PostAsJsonAsync("/api/ratings/requests", new { measureNumber = "962-E-2026-0101", assessorIds = new[] { "betr-01" } });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Maßnahmekoordination", (string?)(await JsonAsync(forbidden))["title"]);
    }

    [Theory]
    [InlineData("962-X-0000-0000", "betr-01", "WaehrendDerMassnahme", 404, "Die Maßnahme „962-X-0000-0000“ gibt es nicht.")]
    [InlineData("962-E-2026-0101", "", "WaehrendDerMassnahme", 400, "Bitte mindestens eine Bewerterin oder einen Bewerter angeben (assessorIds).")]
    [InlineData("962-E-2026-0101", "ifk-anna-zimmermann", "WaehrendDerMassnahme", 400, "Anna Zimmermann ist nicht als Bewerter:in eingetragen.")]
    [InlineData("962-E-2026-0101", "niemand", "WaehrendDerMassnahme", 400, "Die Person „niemand“ gibt es nicht.")]
    [InlineData("962-E-2026-0101", "betr-01", "Irgendwann", 400, "Unbekannte Bewertungsart „Irgendwann“")]
    [InlineData("962-E-2026-0101", "betr-01", "NachMassnahmeende", 400, "eine Bewertung nach Maßnahmeende ist ab diesem Tag möglich")]
    public async Task Invalid_requests_are_refused_in_German(string measure, string assessor, string kind, int status, string message)
    {
        var (actual, body) = await app.CreateRequestAsync(measure, assessor.Length == 0 ? [] : [assessor], kind);
        Assert.Equal(status, actual);
        Assert.Contains(message, (string?)body["title"]);
    }

    [Fact]
    public async Task An_idempotency_key_makes_a_repeated_create_return_the_first_request()
    {
        var (s1, first) = await app.CreateRequestAsync("962-E-2026-0104", ["betr-04"], idempotencyKey: "tab-click-42");
        var (s2, second) = await app.CreateRequestAsync("962-E-2026-0104", ["betr-04"], idempotencyKey: "tab-click-42");
        Assert.Equal((201, 200), (s1, s2));
        Assert.Equal((string?)first["id"], (string?)second["id"]);
        var outbox = await app.Service<Proactive>().Outbox.ListAsync();
        Assert.Single(outbox, e => e.MessageKey == RatingRequests.InvitationKey((string)first["id"]!, "betr-04"));
    }

    [Fact]
    public async Task Assessors_see_only_their_own_requests_and_coordinators_see_all()
    {
        var (_, mine) = await app.CreateRequestAsync("962-E-2026-0105", ["betr-05", "koord-yilmaz"]);
        var id = (string)mine["id"]!;
        using var coordinator = app.ClientAs(Coordinator);
        var all = (await JsonAsync(await coordinator.GetAsync("/api/ratings/requests"))).AsArray();
        var full = all.Single(r => (string?)r!["id"] == id)!;
        Assert.Equal(["betr-05", "koord-yilmaz"], full["assessors"]!.AsArray().Select(a => (string)a!["id"]!));

        using var assessor = app.ClientAs("betr-05");
        var own = (await JsonAsync(await assessor.GetAsync("/api/ratings/requests"))).AsArray();
        Assert.All(own, r => Assert.Equal(["betr-05"], r!["assessors"]!.AsArray().Select(a => (string)a!["id"]!)));
        Assert.Contains(own, r => (string?)r!["id"] == id);
        using var other = app.ClientAs("ifk-daniel-hartwig");
        Assert.Empty((await JsonAsync(await other.GetAsync("/api/ratings/requests"))).AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/ratings/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/ratings/requests/bw-ffffffffffff")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/ratings/requests")).StatusCode);
    }

    [Fact]
    public async Task Quarterly_TM_data_import_flags_measures_by_the_same_rule_and_reports_bad_rows_by_line()
    {
        const string csv = "Maßnahmenummer;Träger;Quartal;Hard Facts Durchschnitt;Soft Facts Durchschnitt;Soft: Zusammenarbeit;Soft: Erreichbarkeit\n" +
                           "962-E-2026-0101;Bildungswerk Rheinaue gGmbH;2026-Q3;3,2;3,4;3;4\n" +      // 2 fine
                           "962-E-2026-0102;Kompass Coaching GmbH;2026-Q3;1,99;3,5;4;3\n" +           // 3 Hard average below 2
                           "962-E-2026-0103;Bildungszentrum am Hafen e.V.;2026-Q3;3,5;3,5;1;4\n" +    // 4 one Soft question at 1
                           "962-E-2026-0104;Lernfabrik Nordstadt GmbH;2026-Q3;2,0;2,0;2;2\n" +        // 5 exactly 2: fine
                           "962-E-2026-0105;Chancenwerk;2026-Q3;zwei;3;3;3\n" +                       // 6 malformed
                           "962-Z-9999-9999;Unbekannt;2026-Q3;3;3;3;3\n";                             // 7 unknown measure
        using var coordinator = app.ClientAs(Coordinator);
        var res = await coordinator.PostAsync("/api/ratings/tm-import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var report = await JsonAsync(res);
        Assert.Equal((4, 2), ((int)report["imported"]!, (int)report["flagged"]!));
        var flagged = report["rows"]!.AsArray().Where(r => (bool)r!["auffaellig"]!).Select(r => (string)r!["measureNumber"]!).ToList();
        Assert.Equal(["962-E-2026-0102", "962-E-2026-0103"], flagged);
        var errors = report["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string)e["message"]!)).ToList();
        Assert.Equal([6, 7], errors.Select(e => e.Item1));
        Assert.Contains("„zwei“ ist keine Zahl", errors[0].Item2);
        Assert.Equal("Die Maßnahme 962-Z-9999-9999 gibt es nicht.", errors[1].Item2);

        var stored = (await JsonAsync(await coordinator.GetAsync("/api/ratings/tm-data?quarter=Q3/2026"))).AsArray();
        Assert.Equal(4, stored.Count);
        Assert.Equal(["q-Zusammenarbeit"], stored.Single(r => (string?)r!["measureNumber"] == "962-E-2026-0103")!["badValues"]!.AsArray().Select(x => (string)x!));

        var nothing = await coordinator.PostAsync("/api/ratings/tm-import", new StringContent("Quartal;Irgendwas\n1;2\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(1, (int?)(await JsonAsync(nothing))["errors"]![0]!["line"]);
        using var ifk = app.ClientAs("ifk-anna-zimmermann");
        Assert.Equal(HttpStatusCode.Forbidden, (await ifk.PostAsync("/api/ratings/tm-import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Fact]
    public async Task Demo_requests_are_seeded_once()
    {
        _ = app.CreateClient();
        var store = app.Service<RatingStore>();
        foreach (var (id, measure, assessor, _) in RatingsDemoSeeder.Requests)
        {
            var s = (await store.LoadAsync(id, CancellationToken.None))!;
            Assert.Equal(measure, s.Request.MeasureNumber);
            Assert.Equal(RatingStatus.Open, s.AssignmentOf(assessor)!.Status);
            Assert.True(s.AssignmentOf(assessor)!.InvitationQueued);
        }
        var before = (await app.Service<Proactive>().Outbox.ListAsync()).Count(e => e.MessageKey.Contains("bw-demo-", StringComparison.Ordinal));
        await app.Service<RatingsDemoSeeder>().SeedAsync(CancellationToken.None);
        await app.Service<RatingsDemoSeeder>().SeedAsync(CancellationToken.None);
        var after = (await app.Service<Proactive>().Outbox.ListAsync()).Count(e => e.MessageKey.Contains("bw-demo-", StringComparison.Ordinal));
        Assert.Equal(2, before);
        Assert.Equal(before, after);
        Assert.Equal(2, (await store.ListRequestsAsync(CancellationToken.None)).Count(r => r.Id.StartsWith("bw-demo-", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_Bewertungsbogen_input_carries_answers_averages_flags_and_every_justification_and_renders_deterministically()
    {
        var t = Domain.Ratings.DefaultQuestionnaire.Template;
        var sent = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        var request = new RatingRequestRow("bw-doc", "962-E-2026-0101", "Aktivcenter Jugend", "tr-rheinaue", "Bildungswerk Rheinaue gGmbH", "betr-01",
            Coordinator, t.Id, t.Version, Domain.Ratings.RatingKind.WaehrendDerMassnahme, "Beschwerden von Teilnehmenden", Coordinator, "Julia Weber",
            sent, new DateOnly(2026, 12, 19), RatingStatus.Open, null, null, ["betr-01"]);
        var hard = new[] { 1, 2, 1, 2, 2, 2, 3 }.Select((v, i) => new Domain.Ratings.RatingAnswer($"h{i + 1}", v, i == 0 ? "Nur 6 Plätze besetzt" : null)).ToList();
        var soft = new[] { 3, 1, 3, 3, 3, 3, 3, 3 }.Select((v, i) => new Domain.Ratings.RatingAnswer($"s{i + 1}", v)).ToList();
        var evaluation = Domain.Ratings.AuffaelligRule.Evaluate(t, hard.Concat(soft));
        var a = new AssignmentRow("bw-doc", "betr-01", "Katrin Fischer", null, RatingStatus.Submitted, 15, 15, 3, true, [], false,
            sent.AddDays(3), evaluation.HardAverage, evaluation.SoftAverage, true, evaluation.BadValues, false, null, null);
        var s = new RatingSnapshot(request, [a],
            new Dictionary<string, IReadOnlyDictionary<int, PageRow>>
            {
                ["betr-01"] = new Dictionary<int, PageRow> { [1] = new("bw-doc", "betr-01", 1, hard, sent), [2] = new("bw-doc", "betr-01", 2, soft, sent) },
            },
            new Dictionary<string, JustificationsRow>
            {
                ["betr-01"] = new("bw-doc", "betr-01", [new("avg-hard", "Auslastung zu gering", "Besetzungsplan"), new("q-s2", "Nicht erreichbar", "Sprechzeiten")], sent),
            });
        var input = RatingDocument.Input(s, t, a);
        Assert.Equal(2 + 15, input.Punkte.Count);
        Assert.Equal([true, false], input.Punkte.Take(2).Select(p => p.Auffaellig));
        Assert.Equal("1,85", input.Punkte[0].Antwort);
        Assert.Equal("1 – mangelhaft\nAnmerkung: Nur 6 Plätze besetzt", input.Punkte[2].Antwort);
        Assert.Equal(["9. Erreichbarkeit: Die Ansprechpersonen des Trägers sind gut erreichbar und reagieren zeitnah."],
            input.Punkte.Where(p => p.Auffaellig && p.Bereich != RatingDocument.ResultArea).Select(p => p.Frage));
        Assert.Equal("Durchschnitt Hard Facts (1,85): Auslastung zu gering · Frage 9 (Soft Facts, Wert 1): Nicht erreichbar", input.Begruendung);
        Assert.Equal("Durchschnitt Hard Facts (1,85): Besetzungsplan · Frage 9 (Soft Facts, Wert 1): Sprechzeiten", input.Empfehlung);
        Assert.Contains("Anlass: Beschwerden von Teilnehmenden", input.Anmerkungen);
        Assert.Equal(new DateOnly(2026, 11, 24), input.Bewertungsdatum);

        var renderer = app.Service<TeamsAmdl.Filing.Documents.BewertungsbogenRenderer>();
        var first = renderer.Render(input);
        Assert.Equal(first.Content.ToArray(), renderer.Render(input).Content.ToArray());
        Assert.Contains("Sprechzeiten", PdfText(first.Content.ToArray()));
    }
}
