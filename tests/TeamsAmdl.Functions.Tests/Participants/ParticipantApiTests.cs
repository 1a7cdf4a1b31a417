using System.Net;
using System.Text.Json.Nodes;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Tests.FreePlaces;
using static TeamsAmdl.Functions.Tests.Participants.ParticipantTestSupport;

namespace TeamsAmdl.Functions.Tests.Participants;

/// <summary>
/// Participants over HTTP against Azurite with the demo Jobcenter (today 21.11.2026): entry from a confirmed place request,
/// the entry-date rules (DIA-AM entry dates, UB intake window), exits with a date that free the place and alert, extensions,
/// the TM consumed by a DIA-AM measure's participations, and who sees which participants (R-SEC-2).
/// </summary>
public sealed class ParticipantApiTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    [Fact]
    public async Task A_confirmed_request_becomes_a_participation_and_its_held_place_the_participants_place()
    {
        const string measure = "962-E-2026-0104"; // Bewerbungswerkstatt Digital: 10 places, 3 taken, Betreuer betr-04
        var reservedBefore = (int)(await app.MeasureAsync(measure))["reserved"]!;
        var create = await app.As("ifk-anna-zimmermann").PostAsync($"/api/measures/{measure}/requests",
            System.Net.Http.Json.JsonContent.Create(new { customerRef = "TN-8101-AA" }));
        var id = (string)JsonNode.Parse(await create.Content.ReadAsStringAsync())!["id"]!;

        // Not yet confirmed: nothing is entered.
        var early = await app.EnterAsync("betr-04", measure, "TN-8101-AA", "2026-11-23");
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal("request_not_confirmed", (string?)early.Body["code"]);
        Assert.Contains("noch nicht bestätigt", Text(early.Body));

        Assert.True((await app.As("betr-04").PostAsync($"/api/freeplaces/requests/{measure}/{id}/confirm", null)).IsSuccessStatusCode);
        Assert.Equal(reservedBefore + 1, (int)(await app.MeasureAsync(measure))["reserved"]!);

        // An IFK may not enter; a reference without a confirmed request cannot be entered; a name is no reference.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.EnterAsync("ifk-anna-zimmermann", measure, "TN-8101-AA", "2026-11-23")).Status);
        var unknown = await app.EnterAsync("betr-04", measure, "TN-8199-ZZ", "2026-11-23");
        Assert.Equal(HttpStatusCode.Conflict, unknown.Status);
        Assert.Equal("no_confirmed_request", (string?)unknown.Body["code"]);
        var name = await app.EnterAsync("betr-04", measure, "Anna Schmidt", "2026-11-23");
        Assert.Equal(HttpStatusCode.BadRequest, name.Status);
        Assert.Contains("pseudonyme Kundenreferenz", Text(name.Body));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.EnterAsync("betr-04", measure, "TN-8101-AA", null)).Status);

        // R-TN-4: the entry is recorded on the entry day or later, not ahead of it (the reservation holds the place until then).
        var ahead = await app.EnterAsync("betr-04", measure, "TN-8101-AA", "2026-11-23");
        Assert.Equal(HttpStatusCode.BadRequest, ahead.Status);
        Assert.Equal("entry_in_future", (string?)ahead.Body["code"]);

        // The Betreuer enters the customer (reference typed in lower case), who started yesterday.
        var entered = await app.EnterAsync("betr-04", measure, " tn-8101-aa ", "2026-11-20");
        Assert.True(entered.Status == HttpStatusCode.Created, Text(entered.Body));
        Assert.Equal("TN-8101-AA", (string?)entered.Body["customerRef"]);
        Assert.Equal("2026-11-20", (string?)entered.Body["entry"]);
        Assert.Equal("Active", (string?)entered.Body["status"]);
        Assert.Equal("ifk-anna-zimmermann", (string?)entered.Body["ifkId"]);

        // The reservation became the participation: one reservation less, the same free places.
        var after = await app.MeasureAsync(measure);
        Assert.Equal(reservedBefore, (int)after["reserved"]!);
        var request = (await app.Service<TeamsAmdl.Functions.FreePlaces.PlaceRequestRepository>().GetAsync(measure, id, CancellationToken.None))!;
        Assert.Equal("2026-11-20", request.EnteredOn);

        // The same entry again changes nothing; a different date for it is refused.
        var again = await app.EnterAsync("betr-04", measure, "TN-8101-AA", "2026-11-20");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var other = await app.EnterAsync("betr-04", measure, "TN-8101-AA", "2026-11-19");
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal("already_entered", (string?)other.Body["code"]);
        var list = (await app.ListAsync("betr-04", measure)).Body.AsArray();
        Assert.Single(list, p => (string?)p!["customerRef"] == "TN-8101-AA");

        // The entered request is no open request any more: it cannot be withdrawn (leaving is an exit), and no second
        // place can be requested for the participant.
        var withdraw = await app.As("ifk-anna-zimmermann").PostAsync($"/api/freeplaces/requests/{measure}/{id}/withdraw", null);
        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        Assert.Contains("bereits eingetreten", await withdraw.Content.ReadAsStringAsync());
        var second = await app.PostAsync("ifk-anna-zimmermann", $"/api/measures/{measure}/requests", new { customerRef = "TN-8101-AA" });
        Assert.Equal("duplicate_request", (string?)second.Body["code"]);
        Assert.Contains("bereits ein Platz vergeben", Text(second.Body));
    }

    [Fact]
    public async Task A_DiaAm_entry_on_a_day_that_is_no_entry_date_is_refused_naming_the_next_entry_dates()
    {
        const string measure = "962-D-2026-0203"; // DIA-AM Nachbarort from 01.10.2026: entry dates 12.11., 26.11., 10.12., 25.12. (24.12. moved), 07.01.
        await app.ConfirmedRequestAsync(measure, "ifk-jana-schmitt", "betr-03", "TN-8201-AA");

        var refused = await app.EnterAsync("betr-03", measure, "TN-8201-AA", "2026-11-27");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("not_an_entry_date", (string?)refused.Body["code"]);
        Assert.Contains("Der 27.11.2026 ist kein Eintrittstermin", Text(refused.Body));
        Assert.Contains("nächste Eintrittstermine: 10.12.2026, 25.12.2026, 07.01.2027.", Text(refused.Body));
        Assert.DoesNotContain((await app.ListAsync("betr-03", measure)).Body.AsArray(), p => (string?)p!["customerRef"] == "TN-8201-AA");

        var christmasEve = await app.EnterAsync("betr-03", measure, "TN-8201-AA", "2026-12-24");
        Assert.Equal("not_a_measure_day", (string?)christmasEve.Body["code"]);

        Assert.Equal("entry_in_future", (string?)(await app.EnterAsync("betr-03", measure, "TN-8201-AA", "2026-11-26")).Body["code"]);
        var entered = await app.EnterAsync("betr-03", measure, "TN-8201-AA", "2026-11-12");
        Assert.True(entered.Status == HttpStatusCode.Created, Text(entered.Body));
        // Projected end of the DIA-AM stay: 12 weeks.
        Assert.Equal("2027-02-03", (string?)entered.Body["lastDay"]);
    }

    [Fact]
    public async Task A_UB_entry_after_the_intake_deadline_is_refused_naming_the_deadline()
    {
        const string measure = "962-U-2026-0301"; // UB/InbeQ Musterstadt from 01.06.2026: intake until 31.05.2027
        await app.ConfirmedRequestAsync(measure, "ifk-laura-krueger", "betr-05", "TN-8301-AA");

        var refused = await app.EnterAsync("betr-05", measure, "TN-8301-AA", "2027-06-01");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("intake_closed", (string?)refused.Body["code"]);
        Assert.Contains("nur in den ersten 12 Monaten der Maßnahme möglich, also bis 31.05.2027", Text(refused.Body));

        var outside = await app.EnterAsync("betr-05", measure, "TN-8301-AA", "2026-05-31");
        Assert.Equal("outside_measure", (string?)outside.Body["code"]);

        var entered = await app.EnterAsync("betr-05", measure, "TN-8301-AA", "2026-11-20");
        Assert.True(entered.Status == HttpStatusCode.Created, Text(entered.Body));
        Assert.Equal("2028-11-19", (string?)entered.Body["lastDay"]); // 24 months
    }

    [Fact]
    public async Task An_entry_never_goes_over_capacity()
    {
        const string measure = "962-E-2026-0108"; // Lager und Logistik Kompakt: 14 places, 11 taken, Betreuer betr-08
        await app.ConfirmedRequestAsync(measure, "ifk-kevin-werner", "betr-08", "TN-8801-AA");
        await app.ConfirmedRequestAsync(measure, "ifk-kevin-werner", "betr-08", "TN-8802-AA");
        await app.ConfirmedRequestAsync(measure, "ifk-kevin-werner", "betr-08", "TN-8803-AA");
        Assert.Equal(0, (int)(await app.MeasureAsync(measure))["freePlaces"]!);
        // A full measure: the held place is the entrant's own, so the entry needs no further place.
        var entered = await app.EnterAsync("betr-08", measure, "TN-8801-AA", "2026-11-20");
        Assert.True(entered.Status == HttpStatusCode.Created, Text(entered.Body));

        // A participation recorded beside the requests (as from another system) takes the place of a held one from 19.11.:
        // 13 active + 2 held = 15 > 14, so the entry on 20.11. is refused rather than going over capacity.
        await app.Service<Tables>().Measures.AddEntityAsync(
            PlaceEntity.From(new Participation(measure, "TN-8899-ZZ", new DateOnly(2026, 11, 19)), app.Time.GetUtcNow()));
        var full = await app.EnterAsync("betr-08", measure, "TN-8802-AA", "2026-11-20");
        Assert.Equal(HttpStatusCode.Conflict, full.Status);
        Assert.Equal("no_place_free", (string?)full.Body["code"]);
        Assert.Contains("kein Platz frei", Text(full.Body));
    }

    [Fact]
    public async Task An_exit_with_its_date_frees_the_place_and_alerts_the_subscribed_IFKs()
    {
        const string measure = "962-E-2026-0106"; // Stabilisierung und Teilhabe: 8 of 8 places taken, team Ü25 Nord, Betreuer betr-06
        Assert.Equal(0, (int)(await app.MeasureAsync(measure))["freePlaces"]!);

        var future = await app.PostAsync("betr-06", $"/api/measures/{measure}/exits", new { customerRef = "TN-0106-02", exitDate = "2026-11-22", reason = "Abbruch" });
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Contains("liegt in der Zukunft", Text(future.Body));
        var beforeEntry = await app.PostAsync("betr-06", $"/api/measures/{measure}/exits", new { customerRef = "TN-0106-02", exitDate = "2026-08-01", reason = "Abbruch" });
        Assert.Equal(HttpStatusCode.BadRequest, beforeEntry.Status);
        Assert.Contains("vor dem Eintritt", Text(beforeEntry.Body));
        Assert.Equal(0, (int)(await app.MeasureAsync(measure))["freePlaces"]!);

        var exit = await app.PostAsync("betr-06", $"/api/measures/{measure}/exits", new { customerRef = "TN-0106-02", exitDate = "2026-11-20", reason = "Abbruch" });
        Assert.True(exit.Status == HttpStatusCode.OK, Text(exit.Body));
        Assert.True((bool)exit.Body["alert"]!["alerted"]!, Text(exit.Body));
        Assert.True((int)exit.Body["alert"]!["recipients"]! > 0, Text(exit.Body));
        Assert.Equal(1, (int)(await app.MeasureAsync(measure))["freePlaces"]!);
        Assert.Single(await app.WaitForInboxAsync("ifk-oliver-roth", measure));

        var list = (await app.ListAsync("betr-06", measure)).Body.AsArray();
        var left = Assert.Single(list, p => (string?)p!["customerRef"] == "TN-0106-02")!;
        Assert.Equal("Exited", (string?)left["status"]);
        Assert.Equal("2026-11-20", (string?)left["exit"]);
        Assert.Equal("Abbruch", (string?)left["exitReason"]);

        // The freed place goes to a new participant through a confirmed request.
        await app.ConfirmedRequestAsync(measure, "ifk-oliver-roth", "betr-06", "TN-8601-AA");
        var entered = await app.EnterAsync("betr-06", measure, "TN-8601-AA", "2026-11-21");
        Assert.True(entered.Status == HttpStatusCode.Created, Text(entered.Body));
        Assert.Equal(0, (int)(await app.MeasureAsync(measure))["freePlaces"]!);
    }

    [Fact]
    public async Task TmConsumedDays_equals_the_hand_count_of_five_participations_of_a_DiaAm_measure()
    {
        // Entry dates every 14 days from 03.11.2025: 01.12.2025, 12.01.2026, 24.08.2026, 19.10.2026, 16.11.2026 are among them.
        const string number = "962-D-TEST-0901";
        var m = Measure.Create(number, "DIA-AM Testlos", MeasureKind.DiaAm, "§ 49 Abs. 4 i. V. m. § 55 SGB IX", "tr-integra", "Musterstadt-Mitte",
            new DateOnly(2025, 11, 3), new DateOnly(2027, 11, 1), Capacity.Create(MeasureKind.DiaAm, 10, averageOccupancy: 8, contractedTm: 192m),
            null, "betr-03", "koord-yilmaz", "team-reha");
        await app.Service<MeasureRepository>().UpsertAsync(m);
        var tables = app.Service<Tables>();
        Participation[] records =
        [
            new(number, "TN-9001-AA", new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 22), ExitReason.RegulaeresEnde, "ifk-elif-demir"),
            new(number, "TN-9002-BB", new DateOnly(2026, 1, 12), new DateOnly(2026, 2, 1), ExitReason.Abbruch, "ifk-elif-demir"),
            new(number, "TN-9003-CC", new DateOnly(2026, 8, 24), IfkId: "ifk-elif-demir"),
            new(number, "TN-9004-DD", new DateOnly(2026, 10, 19), IfkId: "ifk-jonas-albrecht"),
            new(number, "TN-9005-EE", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 15), ExitReason.Nichtantritt, "ifk-jonas-albrecht"),
        ];
        foreach (var p in records)
            await tables.Measures.AddEntityAsync(PlaceEntity.From(p, app.Time.GetUtcNow()));

        // TN-9003-CC's 12 weeks ended on 15.11.2026; the Betreuer extends by the full 4 weeks (one day more is refused).
        var tooLong = await app.PostAsync("betr-03", $"/api/measures/{number}/participants/TN-9003-CC/extension", new { until = "2026-12-14" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("bis längstens 13.12.2026", Text(tooLong.Body));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.PostAsync("ifk-elif-demir", $"/api/measures/{number}/participants/TN-9003-CC/extension", new { until = "2026-12-13" })).Status);
        var extended = await app.PostAsync("betr-03", $"/api/measures/{number}/participants/TN-9003-CC/extension", new { until = "2026-12-13" });
        Assert.True(extended.Status == HttpStatusCode.OK, Text(extended.Body));
        Assert.Equal("2026-12-13", (string?)extended.Body["plannedEnd"]);
        Assert.Equal("Active", (string?)extended.Body["status"]);

        // Hand count up to today, 21.11.2026, in 1/30 TM (every month 30 days, the 31st weighs 0, a full December is 30):
        //   TN-9001-AA 01.12.2025–22.02.2026: December 30 + January 30 + 01.–22.02. 22          =  82
        //   TN-9002-BB 12.01.–01.02.2026:     12.–30.01. 19 + 01.02. 1                          =  20
        //   TN-9003-CC 24.08.2026–today:      24.–30.08. 7 + September 30 + October 30 + 01.–21.11. 21 =  88
        //   TN-9004-DD 19.10.2026–today:      19.–30.10. 12 + 01.–21.11. 21                      =  33
        //   TN-9005-EE Nichtantritt:          never attended                                     =   0
        //                                                                                   total = 223
        var view = await app.MeasureAsync(number);
        Assert.Equal(223, (int)view["tmConsumedDays"]!);
        // Other kinds have no TM to count.
        Assert.Null((await app.MeasureAsync("962-E-2026-0101"))["tmConsumedDays"]);
    }

    [Fact]
    public async Task Betreuer_and_Koordinator_see_all_participants_IFKs_only_their_own_customers_others_nobody()
    {
        const string measure = "962-E-2026-0105"; // Familiencoaching: 12 active + 1 exited demo participants of ifk-laura-krueger, Betreuer betr-05
        await app.ConfirmedRequestAsync(measure, "ifk-anna-zimmermann", "betr-05", "TN-8501-AA");
        Assert.Equal(HttpStatusCode.Created, (await app.EnterAsync("betr-05", measure, "TN-8501-AA", "2026-11-20")).Status);

        static string[] Refs(JsonNode body) => body.AsArray().Select(p => (string)p!["customerRef"]!).Order().ToArray();
        foreach (var decider in new[] { "betr-05", "koord-weber", "koord-yilmaz" })
        {
            var all = await app.ListAsync(decider, measure);
            Assert.True(all.Status == HttpStatusCode.OK, decider + ": " + Text(all.Body));
            Assert.Equal(14, all.Body.AsArray().Count);
            Assert.Contains("TN-8501-AA", Refs(all.Body));
        }
        var laura = Refs((await app.ListAsync("ifk-laura-krueger", measure)).Body);
        Assert.Equal(13, laura.Length);
        Assert.DoesNotContain("TN-8501-AA", laura);
        Assert.Equal(["TN-8501-AA"], Refs((await app.ListAsync("ifk-anna-zimmermann", measure)).Body));
        Assert.Empty(Refs((await app.ListAsync("ifk-lukas-braun", measure)).Body));
        // A Betreuer of another measure sees only the customers of their own requests there (none).
        Assert.Empty(Refs((await app.ListAsync("betr-01", measure)).Body));

        foreach (var other in new[] { "sqs-krause", "tl-schubert", "gf-hartmann" })
        {
            var denied = await app.ListAsync(other, measure);
            Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
            Assert.Equal("forbidden", (string?)denied.Body["code"]);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.ListAsync("betr-05", "962-X-0000")).Status);
    }
}
