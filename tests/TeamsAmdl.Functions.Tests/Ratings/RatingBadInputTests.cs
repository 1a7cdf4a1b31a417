using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Bot;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>
/// Bad input on the cards (issue 4): out of scale, missing answers, unknown request, another assessor's request,
/// closed request, text over 2,000 characters → a clear German error on the card and nothing stored.
/// </summary>
public sealed class RatingBadInputTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private const string Measure = "962-E-2026-0101"; // Aktivcenter Jugend, Bildungswerk Rheinaue gGmbH; Betreuerin betr-01

    private async Task<(string Id, JsonObject Page1)> StartAsync(string assessor)
    {
        var (status, body) = await app.CreateRequestAsync(Measure, [assessor]);
        Assert.Equal(201, status);
        var id = (string)body["id"]!;
        var page1 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = id }));
        return (id, page1);
    }

    private async Task<(int Revision, int Answered, int Pages, string Status)> StoredAsync(string id, string assessor)
    {
        var s = await app.SnapshotAsync(id);
        var a = s.AssignmentOf(assessor)!;
        return (a.Revision, a.Answered, s.PagesOf(assessor).Count, a.Status);
    }

    [Fact]
    public async Task Out_of_scale_and_missing_answers_come_back_on_the_page_with_nothing_stored()
    {
        var (id, page1) = await StartAsync("betr-02");
        var answers = Answers("h", 3, 3, 3, 3, 3, 3, 3);
        answers["h2"] = "7";    // out of scale
        answers["h4"] = "2.5";  // not a whole number
        answers["h6"] = null;   // missing
        answers.Remove("h7");   // not sent at all
        var card = Card(await app.InvokeAsync("betr-02", CardVerbs.RatingSavePage, PageData(page1, answers)));
        var text = Text(card);
        Assert.Contains("Nicht gespeichert – bitte prüfen Sie:", text);
        Assert.Contains("Frage 2: „7“ liegt nicht auf der Skala; erlaubt sind ganze Zahlen von 1 bis 4.", text);
        Assert.Contains("Frage 4: „2.5“ liegt nicht auf der Skala", text);
        Assert.Contains("Frage 6 ist nicht beantwortet.", text);
        Assert.Contains("Frage 7 ist nicht beantwortet.", text);
        Assert.Contains("Seite 1 von 3 · Hard Facts", text); // still page 1, the valid values kept on the card
        Assert.Equal((0, 0, 0, RatingStatus.Open), await StoredAsync(id, "betr-02"));
    }

    [Fact]
    public async Task A_comment_over_2000_characters_is_refused_and_nothing_is_stored()
    {
        var (id, page1) = await StartAsync("betr-04");
        var card = Card(await app.InvokeAsync("betr-04", CardVerbs.RatingSavePage,
            PageData(page1, Answers("h", 3, 3, 3, 3, 3, 3, 3), new Dictionary<string, string> { ["h3"] = new('x', 2001) })));
        Assert.Contains("Frage 3: Die Anmerkung ist 2.001 Zeichen lang; erlaubt sind höchstens 2.000.", Text(card));
        Assert.Equal((0, 0, 0, RatingStatus.Open), await StoredAsync(id, "betr-04"));
    }

    [Fact]
    public async Task Comments_and_justifications_with_personal_data_are_refused_and_nothing_is_stored()
    {
        // R-SEC-1 (issue 12): Begründung/Handlungsempfehlung and comments go through the same guard as every free text.
        const string assessor = "betr-03";
        var (id, page1) = await StartAsync(assessor);
        var refusedPage = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage,
            PageData(page1, Answers("h", 3, 3, 3, 3, 3, 3, 3), new Dictionary<string, string> { ["h2"] = "Teilnehmer geb. 03.04.1988" })));
        Assert.Contains("„Anmerkung zu Frage 2“", Text(refusedPage));
        Assert.Equal((0, 0, 0, RatingStatus.Open), await StoredAsync(id, assessor));

        var page2 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(refusedPage, Answers("h", 3, 3, 3, 3, 3, 3, 3))));
        var summary = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page2, Answers("s", 1, 3, 3, 3, 3, 3, 3, 3))));
        var before = await StoredAsync(id, assessor);
        foreach (var verb in new[] { CardVerbs.RatingSubmit, CardVerbs.RatingSaveDraft })
        {
            var data = ActionData(summary, verb);
            data["b_q-s1"] = "Kundin fehlt oft";
            data["h_q-s1"] = "Rückruf unter +49 171 1234567";
            var text = Text(Card(await app.InvokeAsync(assessor, verb, data)));
            Assert.Contains("„Handlungsempfehlung zu Frage 8 (Soft Facts, Wert 1)“", text);
            Assert.Contains("Telefonnummer", text); // the entered text stays in the author's own form to be corrected
            Assert.Equal(before, await StoredAsync(id, assessor));
            Assert.Empty((await app.SnapshotAsync(id)).JustificationsOf(assessor));
        }
    }

    [Fact]
    public async Task Justification_texts_over_2000_characters_are_refused_on_submit_and_on_draft_save()
    {
        const string assessor = "betr-06";
        var (id, page1) = await StartAsync(assessor);
        var page2 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page1, Answers("h", 3, 3, 3, 3, 3, 3, 3))));
        var summary = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page2, Answers("s", 1, 3, 3, 3, 3, 3, 3, 3))));
        Assert.Equal(["b_q-s1", "h_q-s1"], InputIds(summary));
        var before = await StoredAsync(id, assessor);
        foreach (var verb in new[] { CardVerbs.RatingSubmit, CardVerbs.RatingSaveDraft })
        {
            var data = ActionData(summary, verb);
            data["b_q-s1"] = new string('b', 2001);
            data["h_q-s1"] = "Gespräch führen";
            var card = Card(await app.InvokeAsync(assessor, verb, data));
            Assert.Contains("Die Begründung zu Frage 8 (Soft Facts, Wert 1) ist 2.001 Zeichen lang; erlaubt sind höchstens 2.000.", Text(card));
            Assert.Equal(before, await StoredAsync(id, assessor));
            Assert.Empty((await app.SnapshotAsync(id)).JustificationsOf(assessor));
        }

        // A draft within the limits is kept and comes back when the summary is opened again (e.g. after closing Teams).
        var draft = NewClick(ActionData(summary, CardVerbs.RatingSaveDraft));
        draft["b_q-s1"] = "Absprachen werden nicht eingehalten.";
        var saved = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSaveDraft, draft));
        Assert.Contains("Entwurf gespeichert.", Text(saved));
        var reopened = Card(await app.InvokeAsync(assessor, CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = id }));
        Assert.Contains("Absprachen werden nicht eingehalten.", Text(reopened));
        Assert.Contains("Zusammenfassung", Text(reopened));
    }

    [Fact]
    public async Task Unknown_request_is_a_400_error_in_German()
    {
        foreach (var id in new[] { "bw-000000000000", "../../etc", "" })
        {
            var (code, message) = Error(await app.InvokeAsync("betr-02", CardVerbs.RatingSavePage,
                new JsonObject { ["ratingId"] = id, ["page"] = 1, ["q_h1"] = "3" }));
            Assert.True(code is "rating_unknown" or "rating_stale_card", code);
            Assert.Contains("Bewertung", message);
        }
        Assert.Equal("Diese Bewertungsanfrage gibt es nicht. Bitte öffnen Sie die Bewertung über die Karte im Chat erneut.",
            Error(await app.InvokeAsync("betr-02", CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = "bw-000000000000" })).Message);
    }

    [Fact]
    public async Task Another_assessors_request_cannot_be_opened_saved_or_submitted()
    {
        var (id, page1) = await StartAsync("betr-01");
        foreach (var (verb, data) in new[]
                 {
                     (CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = id }),
                     (CardVerbs.RatingSavePage, PageData(page1, Answers("h", 1, 1, 1, 1, 1, 1, 1))),
                     (CardVerbs.RatingSubmit, new JsonObject { ["ratingId"] = id }),
                 })
        {
            var (code, message) = Error(await app.InvokeAsync("betr-02", verb, data));
            Assert.Equal("rating_foreign", code);
            Assert.Equal(RatingTexts.ForeignRating, message);
        }
        Assert.Equal((0, 0, 0, RatingStatus.Open), await StoredAsync(id, "betr-01"));
    }

    [Fact]
    public async Task After_the_coordinator_closed_the_request_nothing_is_accepted_or_stored()
    {
        const string assessor = "koord-yilmaz";
        var (id, page1) = await StartAsync(assessor);
        var page2 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page1, Answers("h", 4, 4, 4, 4, 4, 4, 4))));
        var summary = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page2, Answers("s", 4, 4, 4, 4, 4, 4, 4, 4))));
        var before = await StoredAsync(id, assessor);

        using var client = app.ClientAs(Coordinator);
        var closed = await client.PostAsync($"/api/ratings/requests/{id}/close", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (string?)(await closed.Content.ReadFromJsonAsync<JsonObject>())!["status"]);

        var submit = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSubmit, ActionData(summary, CardVerbs.RatingSubmit)));
        Assert.Contains("Bewertungsanfrage geschlossen", Text(submit));
        Assert.Contains("Ihre Eingaben wurden nicht gespeichert.", Text(submit));
        var save = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, NewClick(PageData(page1, Answers("h", 1, 1, 1, 1, 1, 1, 1)))));
        Assert.Contains("Ihre Eingaben wurden nicht gespeichert.", Text(save));
        var after = await StoredAsync(id, assessor);
        Assert.Equal((before.Revision, before.Answered, before.Pages, RatingStatus.Closed), after);
        Assert.Equal(RatingStatus.Closed, (await app.SnapshotAsync(id)).AssignmentOf(assessor)!.Status);
        Assert.Equal(409, (int)(await client.PostAsync($"/api/ratings/requests/{id}/close", null)).StatusCode);
    }

    [Fact]
    public async Task After_submission_pages_cannot_be_changed()
    {
        const string assessor = "betr-08";
        // Not 0108: the demo data already asks betr-08 about it (bw-demo-0108), and one open request per measure and assessor is the rule.
        var (status, body) = await app.CreateRequestAsync("962-E-2026-0105", [assessor]);
        Assert.Equal(201, status);
        var id = (string)body["id"]!;
        var page1 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = id }));
        var page2 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page1, Answers("h", 3, 3, 3, 3, 3, 3, 3))));
        var summary = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page2, Answers("s", 3, 3, 3, 3, 3, 3, 3, 3))));
        Assert.Contains("Nicht auffällig", Text(summary));
        Assert.Contains("Bewertung abgegeben", Text(Card(await app.InvokeAsync(assessor, CardVerbs.RatingSubmit, ActionData(summary, CardVerbs.RatingSubmit)))));
        var before = await StoredAsync(id, assessor);
        var (code, message) = Error(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, NewClick(PageData(page1, Answers("h", 1, 1, 1, 1, 1, 1, 1)))));
        Assert.Equal("rating_submitted", code);
        Assert.Equal(RatingTexts.AlreadySubmitted, message);
        Assert.Equal(before, await StoredAsync(id, assessor));
        // Opening it again (Teams refresh) shows the confirmation.
        Assert.Contains("Bewertung abgegeben", Text(Card(await app.InvokeAsync(assessor, CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = id }))));
    }

    [Fact]
    public async Task Submitting_with_unanswered_pages_lists_them_and_stores_nothing()
    {
        const string assessor = "betr-07";
        var (status, body) = await app.CreateRequestAsync("962-E-2026-0107", [assessor]);
        Assert.Equal(201, status);
        var id = (string)body["id"]!;
        var card = Card(await app.InvokeAsync(assessor, CardVerbs.RatingSubmit, new JsonObject { ["ratingId"] = id }));
        Assert.Contains("Noch nicht vollständig", Text(card));
        Assert.Contains("Seite 1 (Hard Facts): 7 Fragen offen", Text(card));
        Assert.Contains("Seite 2 (Soft Facts): 8 Fragen offen", Text(card));
        Assert.Equal(RatingStatus.Open, (await StoredAsync(id, assessor)).Status);
    }
}
