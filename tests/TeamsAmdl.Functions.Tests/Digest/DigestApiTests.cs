using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>The tab API and the Betreuer card handlers against the real app on Azurite (Development, dev connector).</summary>
public sealed class DigestApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Koordinator = "koord-weber";
    private const string Koordinator2 = "koord-yilmaz";

    private async Task<CardActionResult> ActAsync(string staffId, string verb, JsonObject data)
    {
        var user = (await app.Service<StaffRepository>().GetAsync(staffId))!;
        var handler = app.Service<CardActionRegistry>().Find(verb)!;
        var activity = new Activity { Type = ActivityTypes.Invoke, Id = Guid.NewGuid().ToString("N"), From = new ChannelAccount { AadObjectId = user.AadObjectId } };
        return await handler.HandleAsync(new CardActionContext(activity, user, verb, data, verb + "|" + Guid.NewGuid().ToString("N")), CancellationToken.None);
    }

    private static JsonObject Inputs(string week, params (string Number, object? Occupied, string? Next, string? Remarks)[] measures)
    {
        var data = new JsonObject
        {
            [CardVerbs.DigestWeekKey] = week,
            [CardVerbs.DigestMeasuresKey] = new JsonArray(measures.Select(m => (JsonNode)JsonValue.Create(m.Number)!).ToArray()),
        };
        foreach (var m in measures)
        {
            data[CardVerbs.DigestOccupiedInputId(m.Number)] = m.Occupied is null ? null : JsonValue.Create(m.Occupied.ToString());
            data[CardVerbs.DigestNextEntryInputId(m.Number)] = m.Next ?? "";
            data[CardVerbs.DigestRemarksInputId(m.Number)] = m.Remarks ?? "";
        }
        return data;
    }

    [Fact]
    public async Task Week_view_lists_the_running_measures_with_system_figures_and_filters_by_team_kind_and_state()
    {
        var week = await app.WeekAsync(Koordinator, "2026-W46");
        Assert.Equal("KW 46/2026", (string?)week["label"]);
        Assert.Equal("2026-W47", (string?)week["current"]);
        Assert.Equal(26, week["measures"]!.AsArray().Count);
        Assert.Equal(26, (int)week["counts"]!["missing"]!);
        var jugend = DigestTestSupport.Measure(week, "962-E-2026-0101");
        Assert.Equal("Missing", (string?)jugend["state"]);
        Assert.Equal("fehlt", (string?)jugend["stateLabel"]);
        Assert.Equal(9, (int)jugend["system"]!["occupied"]!);
        Assert.Equal(3, (int)jugend["system"]!["freePlaces"]!);
        Assert.Equal("Katrin Fischer", (string?)jugend["betreuer"]!["name"]);
        Assert.Null(jugend["input"]);

        var reha = await app.WeekAsync(Koordinator, "2026-W46", "?team=team-reha");
        Assert.All(reha["measures"]!.AsArray(), m => Assert.Equal("team-reha", (string?)m!["team"]!["id"]));
        var dia = await app.WeekAsync(Koordinator, "2026-W46", "?kind=DiaAm");
        Assert.Equal(4, dia["measures"]!.AsArray().Count);
        Assert.True((bool)DigestTestSupport.Measure(dia, "962-D-2026-0201")["entryOnGrid"]!);
        Assert.Empty((await app.WeekAsync(Koordinator, "2026-W46", "?state=answered"))["measures"]!.AsArray());
        var u25 = await app.WeekAsync(Koordinator, "current", "?team=team-u25&kind=Einkaufsmassnahme");
        Assert.Equal(["962-E-2026-0101", "962-E-2026-0105"], u25["measures"]!.AsArray().Select(m => (string?)m!["number"]));
        Assert.Equal(2, (int)u25["counts"]!["shown"]!);
        Assert.Equal(26, (int)u25["counts"]!["measures"]!);

        var bad = await app.ClientAs(Koordinator).GetAsync("/api/digest/weeks/2026-W99");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("keine Kalenderwoche", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_login_401_and_for_non_coordinators_403_but_the_history_is_readable()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs(null).GetAsync("/api/digest/weeks/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs(null).GetAsync("/api/digest/history")).StatusCode);
        var ifk = await app.ClientAs("ifk-anna-zimmermann").GetAsync("/api/digest/weeks/current");
        Assert.Equal(HttpStatusCode.Forbidden, ifk.StatusCode);
        Assert.Contains("Koordinatorinnen und Koordinatoren vorbehalten", await ifk.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("betr-01").PostAsJsonAsync("/api/digest/weeks/current/publish", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs("ifk-anna-zimmermann").GetAsync("/api/digest/history")).StatusCode);
        var me = await app.ClientAs("ifk-anna-zimmermann").GetFromJsonAsync<JsonObject>("/api/digest/me");
        Assert.False((bool)me!["isCoordinator"]!);
        // The page itself is public (it holds no data) and may be framed by Teams only.
        var page = await app.ClientAs(null).GetAsync("/tab");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("teams.microsoft.com", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs(null).GetAsync("/tab/config")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs(null).GetAsync("/tab/lib/MicrosoftTeams.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(null).GetAsync("/tab/lib/..%2F..%2Fappsettings.json")).StatusCode);
    }

    [Fact]
    public async Task Betreuer_confirms_or_corrects_through_the_domain_and_nothing_is_stored_while_a_value_is_rejected()
    {
        // betr-02 (Jan Becker) looks after 962-E-2026-0102 (15 places, full), 962-D-2026-0202 (DIA-AM), 962-A-2026-0402, 962-G-2026-0603.
        var before = await app.WeekAsync(Koordinator, "2026-W47");
        var dia = DigestTestSupport.Measure(before, "962-D-2026-0202");
        var diaNext = (string?)dia["system"]!["nextEntryDate"];

        var rejected = await ActAsync("betr-02", CardVerbs.DigestInputSubmit, Inputs("2026-W47",
            ("962-E-2026-0102", 16, null, null), ("962-D-2026-0202", 8, "2026-11-26", null), ("962-A-2026-0402", 15, null, null),
            ("962-G-2026-0603", 3, "2026-11-23", "Neuer Träger-Ansprechpartner")));
        var card = Assert.IsType<CardActionResult.CardResult>(rejected).ReplacementCard.ToJson();
        Assert.Contains("16 belegte Plätze sind mehr als die 15 Plätze", card);
        Assert.Contains("nur an den 14-tägigen Einstiegsterminen möglich", card);
        Assert.Contains("es wurde noch nichts gespeichert", card);
        Assert.Contains("Neuer Träger-Ansprechpartner", card); // the entered values come back
        var still = await app.WeekAsync(Koordinator, "2026-W47");
        Assert.Null(DigestTestSupport.Measure(still, "962-G-2026-0603")["input"]);

        var done = await ActAsync("betr-02", CardVerbs.DigestInputSubmit, Inputs("2026-W47",
            ("962-E-2026-0102", 15, null, null), ("962-D-2026-0202", (int)dia["system"]!["occupied"]!, diaNext, null),
            ("962-A-2026-0402", 15, null, null), ("962-G-2026-0603", 3, "2026-11-23", "Neuer Träger-Ansprechpartner")));
        var doneCard = Assert.IsType<CardActionResult.CardResult>(done).ReplacementCard.ToJson();
        Assert.Contains("Wochenmeldung KW 47/2026 eingegangen", doneCard);
        Assert.Contains(CardVerbs.DigestInputEdit, doneCard);

        var after = await app.WeekAsync(Koordinator, "2026-W47");
        var g = DigestTestSupport.Measure(after, "962-G-2026-0603");
        Assert.Equal("Corrected", (string?)g["state"]);
        Assert.Equal(3, (int)g["effective"]!["occupied"]!);
        Assert.Equal(7, (int)g["effective"]!["freePlaces"]!); // 10 places − 3 occupied: computed, not entered
        Assert.Equal("2026-11-23", (string?)g["effective"]!["nextEntryDate"]);
        Assert.Equal("Neuer Träger-Ansprechpartner", (string?)g["effective"]!["remarks"]);
        Assert.Equal("Jan Becker", (string?)g["input"]!["submittedBy"]);
        Assert.Equal("Confirmed", (string?)DigestTestSupport.Measure(after, "962-E-2026-0102")["state"]);

        // "Angaben ändern" brings the card back with what was sent.
        var edit = Assert.IsType<CardActionResult.CardResult>(await ActAsync("betr-02", CardVerbs.DigestInputEdit, Inputs("2026-W47", ("962-G-2026-0603", null, null, null))));
        Assert.Contains("Bereits übermittelt", edit.ReplacementCard.ToJson());
        Assert.Contains("Neuer Träger-Ansprechpartner", edit.ReplacementCard.ToJson());
    }

    [Fact]
    public async Task Only_the_measures_Betreuer_can_answer_and_only_for_this_or_last_week()
    {
        var other = await ActAsync("betr-03", CardVerbs.DigestInputSubmit, Inputs("2026-W47", ("962-E-2026-0101", 9, null, null)));
        var error = Assert.IsType<CardActionResult.ErrorResult>(other);
        Assert.Contains("nicht (mehr) von Ihnen betreut", error.GermanMessage);
        var old = await ActAsync("betr-01", CardVerbs.DigestInputSubmit, Inputs("2026-W45", ("962-E-2026-0101", 9, null, null)));
        Assert.Contains("nicht mehr offen", Assert.IsType<CardActionResult.ErrorResult>(old).GermanMessage);
        var none = await ActAsync("betr-01", CardVerbs.DigestInputSubmit, new JsonObject { [CardVerbs.DigestWeekKey] = "2026-W47" });
        Assert.IsType<CardActionResult.ErrorResult>(none);
    }

    [Fact]
    public async Task Two_coordinators_editing_the_same_measure_get_an_etag_conflict_naming_who_changed_it_and_nothing_is_overwritten()
    {
        const string number = "962-E-2026-0104"; // Bewerbungswerkstatt Digital, 10 places, 3 occupied
        var weber = app.ClientAs(Koordinator);
        var yilmaz = app.ClientAs(Koordinator2);
        var seenByYilmaz = DigestTestSupport.Measure(await app.WeekAsync(Koordinator2, "2026-W47"), number);
        Assert.Null(seenByYilmaz["input"]);

        var first = await weber.PutAsJsonAsync($"/api/digest/weeks/2026-W47/measures/{number}",
            new { occupied = 4, nextEntryDate = "2026-11-30", remarks = "Neuer Kursstart", etag = (string?)null });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var saved = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Edited", (string?)saved["state"]);
        Assert.Equal(6, (int)saved["effective"]!["freePlaces"]!);

        // Yılmaz still has the view without a row: his save must not overwrite Weber's.
        var conflict = await yilmaz.PutAsJsonAsync($"/api/digest/weeks/2026-W47/measures/{number}",
            new { occupied = 2, nextEntryDate = (string?)null, remarks = "", etag = (string?)null });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = (await conflict.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("changed_meanwhile", (string?)problem["code"]);
        Assert.StartsWith("Inzwischen geändert von Julia Weber am 21.11.2026, 11:00 Uhr.", (string?)problem["title"]);
        Assert.Equal(4, (int)problem["current"]!["effective"]!["occupied"]!);
        Assert.Equal(4, (int)DigestTestSupport.Measure(await app.WeekAsync(Koordinator, "2026-W47"), number)["effective"]!["occupied"]!);

        // With the current ETag his change goes through, and now Weber's old ETag is stale.
        var again = await yilmaz.PutAsJsonAsync($"/api/digest/weeks/2026-W47/measures/{number}",
            new { occupied = 2, nextEntryDate = (string?)null, remarks = "", etag = (string?)problem["current"]!["input"]!["etag"] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/digest/weeks/2026-W47/measures/{number}")
        {
            Content = JsonContent.Create(new { occupied = 5, nextEntryDate = (string?)null, remarks = "" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", (string?)saved["input"]!["etag"]);
        var staleRes = await weber.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, staleRes.StatusCode);
        Assert.Contains("Inzwischen geändert von Deniz Yılmaz", await staleRes.Content.ReadAsStringAsync());
        var now = DigestTestSupport.Measure(await app.WeekAsync(Koordinator, "2026-W47"), number);
        Assert.Equal(2, (int)now["effective"]!["occupied"]!);
        Assert.Equal("Deniz Yılmaz", (string?)now["input"]!["editedBy"]);
    }

    [Fact]
    public async Task A_remark_with_personal_data_is_refused_on_the_tab_and_on_the_card_and_nothing_is_stored()
    {
        // Issue 12: this remark was stored, published to every IFK and filed in the e-Akte.
        const string Remark = "Kunde Max Mustermann geb. 01.02.1990";
        var client = app.ClientAs(Koordinator);
        var response = await client.PutAsJsonAsync("/api/digest/weeks/2026-W47/measures/962-E-2026-0108",
            new { occupied = 3, nextEntryDate = (string?)null, remarks = Remark, etag = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("remarks", (string?)problem["errors"]![0]!["field"]);
        Assert.Contains("Geburtsdatum", (string?)problem["errors"]![0]!["message"]);
        Assert.DoesNotContain("Mustermann", problem.ToJsonString());
        Assert.Null(DigestTestSupport.Measure(await app.WeekAsync(Koordinator, "2026-W47"), "962-E-2026-0108")["input"]);

        // The Betreuer's card goes through the same rule (betr-02 looks after 962-G-2026-0603).
        var card = await ActAsync("betr-02", CardVerbs.DigestInputSubmit, Inputs("2026-W47", ("962-G-2026-0603", 3, null, "Rückruf Handy (0171) 1234567")));
        Assert.Contains("Telefonnummer", Assert.IsType<CardActionResult.CardResult>(card).ReplacementCard.ToJson());
        Assert.Null(DigestTestSupport.Measure(await app.WeekAsync(Koordinator, "2026-W47"), "962-G-2026-0603")["input"]);
    }

    [Fact]
    public async Task Coordinator_edits_are_checked_by_the_same_domain_rules()
    {
        var client = app.ClientAs(Koordinator);
        var tooMany = await client.PutAsJsonAsync("/api/digest/weeks/2026-W47/measures/962-E-2026-0108",
            new { occupied = 15, nextEntryDate = (string?)null, remarks = "", etag = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var problem = (await tooMany.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("occupied", (string?)problem["errors"]![0]!["field"]);
        Assert.Contains("mehr als die 14 Plätze", (string?)problem["errors"]![0]!["message"]);

        var grid = await client.PutAsJsonAsync("/api/digest/weeks/2026-W47/measures/962-D-2026-0203",
            new { occupied = 2, nextEntryDate = "2026-11-24", remarks = "", etag = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, grid.StatusCode);
        Assert.Contains("14-tägigen Einstiegsterminen", await grid.Content.ReadAsStringAsync());

        var unknown = await client.PutAsJsonAsync("/api/digest/weeks/2026-W47/measures/962-X-0000",
            new { occupied = 1, etag = (string?)null });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Publishing_asks_for_confirmation_naming_the_missing_inputs_and_refuses_channels_without_the_bot()
    {
        var client = app.ClientAs(Koordinator);
        var noTargets = await client.PostAsJsonAsync("/api/digest/weeks/2026-W47/publish", new { publishId = Guid.NewGuid().ToString(), ifk = false });
        Assert.Equal(HttpStatusCode.BadRequest, noTargets.StatusCode);
        Assert.Contains("mindestens einen Kanal", await noTargets.Content.ReadAsStringAsync());

        var missing = await client.PostAsJsonAsync("/api/digest/weeks/2026-W46/publish",
            new { publishId = Guid.NewGuid().ToString(), teamleitung = true });
        Assert.Equal(HttpStatusCode.Conflict, missing.StatusCode);
        var problem = (await missing.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("missing_inputs", (string?)problem["code"]);
        Assert.StartsWith("26 Meldungen fehlen noch: 962-A-2026-0401 AGH Stadtgrün (Katrin Fischer)", (string?)problem["title"]);
        Assert.Contains("Trotzdem veröffentlichen?", (string?)problem["title"]);
        Assert.Equal(26, problem["missing"]!.AsArray().Count);

        var notInstalled = await client.PostAsJsonAsync("/api/digest/weeks/2026-W46/publish",
            new { publishId = Guid.NewGuid().ToString(), channels = new[] { "19:unbekannt@thread.tacv2" }, confirmMissing = true });
        Assert.Equal((HttpStatusCode)422, notInstalled.StatusCode);
        var text = await notInstalled.Content.ReadAsStringAsync();
        Assert.Contains("bot_not_in_channel", text);
        Assert.Contains("So beheben: In Teams das Team öffnen", text);

        // A channel the bot was removed from.
        await app.InstallInChannelAsync("19:entfernt@thread.tacv2", "Alt");
        var proactive = app.Service<Proactive>();
        await proactive.References.MarkGoneAsync(proactive.TenantId, ConversationKind.Channel, "19:entfernt@thread.tacv2");
        var gone = await client.PostAsJsonAsync("/api/digest/weeks/2026-W46/publish",
            new { publishId = Guid.NewGuid().ToString(), channels = new[] { "19:entfernt@thread.tacv2" }, confirmMissing = true });
        Assert.Equal((HttpStatusCode)422, gone.StatusCode);
        Assert.Contains("Der Bot ist im Kanal „Koordination Musterstadt › Alt“ nicht installiert.", await gone.Content.ReadAsStringAsync());
        var targets = await client.GetFromJsonAsync<JsonObject>("/api/digest/targets");
        Assert.DoesNotContain(targets!["channels"]!.AsArray(), c => (string?)c!["id"] == "19:entfernt@thread.tacv2");
    }

    /// <summary>
    /// The process died while posting to two channels: the delivery rows say Sending; the post reached channel A but
    /// not channel B. Published again after the in-doubt time, each channel is read back (Development: the dev inbox)
    /// instead of posting blind: A is not posted again, B is posted once.
    /// </summary>
    [Fact]
    public async Task A_channel_post_left_in_doubt_by_a_crash_is_read_back_and_never_posted_twice()
    {
        const string arrived = "19:zweifel-a@thread.tacv2", lost = "19:zweifel-b@thread.tacv2";
        await app.InstallInChannelAsync(arrived, "Zweifel A");
        await app.InstallInChannelAsync(lost, "Zweifel B");
        var client = app.ClientAs(Koordinator);
        var publishId = Guid.NewGuid().ToString();
        var request = new { publishId, channels = new[] { arrived, lost }, confirmMissing = true, correction = true };
        var first = await app.PublishAndWaitAsync(client, "2026-W47", request);
        var parts = (int)first["parts"]!;
        Task<IReadOnlyList<DevInboxEntity>> PostedAsync(string channel) =>
            app.Service<DevInboxStore>().ListAsync("conversation:" + channel, 50, CancellationToken.None);
        Assert.Equal(parts, (await PostedAsync(arrived)).Count);
        Assert.All(await PostedAsync(arrived), p => Assert.Contains("amdl-delivery-", p.ReadActivity().ToJsonString()));

        // The crash: every part Sending for 3 minutes without activity id, and channel B never got its posts.
        var deliveries = await app.Service<DigestTables>().GetAsync(DigestTables.DeliveriesTable, CancellationToken.None);
        async Task<List<DigestDeliveryEntity>> RowsAsync()
        {
            var rows = new List<DigestDeliveryEntity>();
            await foreach (var r in deliveries.QueryAsync<DigestDeliveryEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {publishId}")))
                rows.Add(r);
            return rows;
        }
        var crashed = await RowsAsync();
        Assert.Equal(2 * parts, crashed.Count);
        foreach (var r in crashed)
        {
            r.Status = "Sending";
            r.ActivityId = null;
            r.AttemptAt = app.Time.GetUtcNow() - TimeSpan.FromMinutes(3);
            await deliveries.UpdateEntityAsync(r, r.ETag, Azure.Data.Tables.TableUpdateMode.Replace);
        }
        foreach (var post in await PostedAsync(lost))
            await app.Service<ConnectorClient>().DeleteActivityAsync(post.ServiceUrl, lost, post.RowKey);
        Assert.Empty(await PostedAsync(lost));
        var history = app.Service<DigestHistory>();
        var digest = (await history.GetAsync(publishId, CancellationToken.None))!;
        digest.Status = DigestEntity.Publishing;
        digest.Job = DigestEntity.JobRunning;
        await history.UpdateAsync(digest, CancellationToken.None);

        // The job's queue message comes back after the crash (the host makes it visible again) and the job runs again.
        await app.Service<DigestPublishQueue>().SendAsync(publishId, CancellationToken.None);
        JsonObject again;
        do again = await app.WaitForPublicationAsync(client, publishId);
        while ((string?)again["job"] != "Done");

        Assert.All(again["channels"]!.AsArray(), c => Assert.Equal("sent", (string?)c!["status"]));
        Assert.Equal(parts, (await PostedAsync(arrived)).Count); // found by the read-back, not posted again
        Assert.Equal(parts, (await PostedAsync(lost)).Count);    // not there, posted once
        var settled = await RowsAsync();
        Assert.All(settled, r => Assert.Equal("Sent", r.Status));
        Assert.Equal(parts, settled.Count(r => r.FoundByReadBack));
        Assert.Equal((await PostedAsync(arrived)).Concat(await PostedAsync(lost)).Select(p => p.RowKey).Order(), settled.Select(r => r.ActivityId).Order());
    }

    [Fact]
    public async Task Publishing_posts_to_the_channel_and_1to1_queues_the_pdf_for_the_eakte_and_a_repeat_sends_nothing_twice()
    {
        await app.InstallInChannelAsync();
        var client = app.ClientAs(Koordinator);
        var targets = (await client.GetFromJsonAsync<JsonObject>("/api/digest/targets"))!;
        Assert.Contains(targets["channels"]!.AsArray(), c => (string?)c!["id"] == DigestTestSupport.ChannelId && (string?)c["name"] == "Koordination Musterstadt › Maßnahmeinfo");
        Assert.Equal(4, (int)targets["teamleitung"]!);

        var preview = (await client.GetFromJsonAsync<JsonObject>("/api/digest/weeks/2026-W47/preview"))!;
        Assert.Contains("Vorschau – noch nicht veröffentlicht", preview["parts"]!.Text());

        var publishId = Guid.NewGuid().ToString();
        var request = new { publishId, channels = new[] { DigestTestSupport.ChannelId }, teamleitung = true, confirmMissing = true, correction = true };
        var result = await app.PublishAndWaitAsync(client, "2026-W47", request);
        Assert.True((bool)result["complete"]!, result.ToJsonString());
        Assert.Equal(100, (int)result["percent"]!);
        var parts = (int)result["parts"]!;
        Assert.True(parts >= 1);
        Assert.Equal(4, (int)result["recipients"]!);
        Assert.Equal("sent", (string?)result["channels"]![0]!["status"]);
        Assert.Equal("Maßnahmeinfo KW 47-2026.pdf", (string?)result["documentName"]);
        Assert.False((bool)result["repeated"]!);

        // Channel: posted through the channel's conversation reference.
        var posted = await app.InboxAsync("conversation:" + DigestTestSupport.ChannelId);
        Assert.Equal(parts, posted.Count);
        Assert.All(posted, a => Assert.Contains("Maßnahmeinfo KW 47/2026", a.Text()));
        // 1:1: queued in the outbox, one key per digest, part and person; delivered by the worker (the progress counted them).
        // Each Teamleitung gets their own digest (their team's measures first), one message for 26 measures.
        var personalParts = (int)result["personalParts"]!;
        Assert.Equal(1, personalParts);
        Assert.Equal(4, (int)result["messages"]!["done"]!);
        Assert.Equal("4 von 4 zugestellt · 26 von 26 Dokumenten abgelegt", (string?)result["text"]);
        var outbox = app.Service<Proactive>().Outbox;
        Assert.NotNull(await outbox.GetAsync($"digest:{publishId}:01:tl-wolf"));
        await app.DrainOutboxAsync();
        Assert.Contains(await app.InboxAsync(DigestTestSupport.Aad("tl-wolf")), a => a.Text().Contains("Maßnahmeinfo KW 47/2026"));

        // The e-Akte: one Maßnahmeinfo document per measure in the filing outbox ({Träger}/{Maßnahmenummer}/Maßnahmeinfo/).
        Assert.Equal(26, (int)result["filingDocuments"]!);
        Assert.Empty(result["filingProblems"]!.AsArray());
        var jobs = (await app.Service<TeamsAmdl.Filing.FilingOutbox>().ListAsync()).Where(j => j.Titel == "Maßnahmeinfo KW 47 2026").ToList();
        Assert.Equal(26, jobs.Count);
        var jugend = jobs.Single(j => j.Massnahmenummer == "962-E-2026-0101");
        Assert.Equal("Maßnahmeinfo", jugend.Kategorie);
        Assert.Equal("Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Maßnahmeinfo/2026-11-21_Maßnahmeinfo KW 47 2026.pdf", jugend.Path);

        // The whole digest as PDF for the history.
        var row = (await app.Service<DigestHistory>().GetAsync(publishId, CancellationToken.None))!;
        Assert.Equal("Published", row.Status);
        var pdf = await client.GetAsync($"/api/digest/history/{publishId}/document");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("962-E-2026-0101", TeamsAmdl.TestSupport.PdfTools.Text(bytes));

        // History and the latest digest (readable by every staff member).
        var history = (await client.GetFromJsonAsync<JsonArray>("/api/digest/history"))!;
        var item = history.Single(h => (string?)h!["id"] == publishId)!;
        Assert.Equal("26 Dokumente für die e-Akte vorgemerkt", (string?)item["filingStatus"]);
        Assert.Equal(4, (int)item["deliveredMessages"]!); // the final counts
        Assert.Equal(26, (int)item["filedDocuments"]!);
        var detail = (await app.ClientAs("ifk-anna-zimmermann").GetFromJsonAsync<JsonObject>($"/api/digest/history/{publishId}"))!;
        Assert.Equal(parts, detail["parts"]!.AsArray().Count);
        Assert.DoesNotContain("Vorschau", detail["parts"]!.Text());

        // The same publication again (double click, retry): nothing is sent twice.
        var again = await app.PublishAndWaitAsync(client, "2026-W47", request);
        Assert.True((bool)again["repeated"]!);
        Assert.Equal(26, (await app.Service<TeamsAmdl.Filing.FilingOutbox>().ListAsync()).Count(j => j.Titel == "Maßnahmeinfo KW 47 2026"));
        Assert.Equal(publishId, (string?)again["id"]);
        Assert.Equal(parts, (await app.InboxAsync("conversation:" + DigestTestSupport.ChannelId)).Count);
        await app.DrainOutboxAsync();
        Assert.Equal(personalParts, (await app.InboxAsync(DigestTestSupport.Aad("tl-wolf"))).Count(a => a.Text().Contains("Maßnahmeinfo KW 47/2026")));
    }
    /// <summary>
    /// Issue 12: a well-formed week outside the supported range (0001-W01 answered 500 from WeekKey.Previous, 9999-W52,
    /// 2026-W54) is a German 400 problem naming the week on every route that takes a week — never a 500.
    /// </summary>
    [Fact]
    public async Task Weeks_outside_the_supported_range_are_a_German_400_naming_the_week_on_every_week_route()
    {
        var client = app.ClientAs(Koordinator);
        foreach (var week in new[] { "0001-W01", "1999-W52", "9999-W52", "2100-W01", "2026-W54" })
        {
            HttpResponseMessage[] responses =
            [
                await client.GetAsync($"/api/digest/weeks/{week}"),
                await client.GetAsync($"/api/digest/weeks/{week}/preview"),
                await client.PutAsJsonAsync($"/api/digest/weeks/{week}/measures/962-E-2026-0101", new { occupied = 9 }),
                await client.PostAsJsonAsync($"/api/digest/weeks/{week}/publish",
                    new { publishId = Guid.NewGuid().ToString(), ifk = true, confirmMissing = true }),
            ];
            foreach (var res in responses)
            {
                var body = await res.Content.ReadAsStringAsync();
                var what = $"{res.RequestMessage!.Method} {res.RequestMessage.RequestUri!.AbsolutePath}: {(int)res.StatusCode} {body}";
                Assert.True(res.StatusCode == HttpStatusCode.BadRequest, what);
                Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
                var problem = JsonNode.Parse(body)!;
                Assert.Equal("unknown_week", (string?)problem["code"]);
                Assert.Contains($"„{week}“ ist keine Kalenderwoche", (string?)problem["title"]);
            }
        }
    }

    /// <summary>
    /// Issue 12: only the current and the previous ISO week (Berlin, from the clock: 21.11.2026 → KW 47 and KW 46) can be
    /// published; any other week is a 400 naming both, and nothing reaches the outbox or the e-Akte.
    /// </summary>
    [Fact]
    public async Task Publishing_other_weeks_than_the_current_and_the_previous_is_refused_and_nothing_is_sent_or_filed()
    {
        var client = app.ClientAs(Koordinator);
        var outbox = app.Service<Proactive>().Outbox;
        var filing = app.Service<TeamsAmdl.Filing.FilingOutbox>();
        var queued = (await outbox.ListAsync()).Count;
        var filed = (await filing.ListAsync()).Count;
        var published = (await app.Service<DigestHistory>().ListAsync(1000, CancellationToken.None)).Count;

        foreach (var week in new[] { "2020-W01", "2026-W45", "2026-W48", "2027-W10" })
        {
            var res = await client.PostAsJsonAsync($"/api/digest/weeks/{week}/publish",
                new { publishId = Guid.NewGuid().ToString(), ifk = true, teamleitung = true, confirmMissing = true });
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.BadRequest, $"{week}: {(int)res.StatusCode} {body}");
            var problem = JsonNode.Parse(body)!;
            Assert.Equal("week_not_publishable", (string?)problem["code"]);
            Assert.Equal("Veröffentlichen ist nur für KW 47/2026 und KW 46/2026 möglich.", (string?)problem["title"]);
        }

        Assert.Equal(queued, (await outbox.ListAsync()).Count);
        Assert.Equal(filed, (await filing.ListAsync()).Count);
        Assert.Equal(published, (await app.Service<DigestHistory>().ListAsync(1000, CancellationToken.None)).Count);
    }
}
