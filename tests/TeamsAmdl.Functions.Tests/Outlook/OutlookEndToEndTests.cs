using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Outlook;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Ratings;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>
/// Issue 17 end to end: the channel chosen over the API, the rating request as an Actionable Message through the mail
/// outbox to a fake Graph over real HTTP (the body parsed: card with originator and Action.Execute verbs, HTML
/// fallback), answered with signed Outlook-channel invokes (open, pages, submit), the card's refresh showing the current
/// state, reminders by channel, and the bad inputs (another user, unknown originator, closed request).
/// </summary>
public sealed class OutlookEndToEndTests(OutlookAppFactory app) : IClassFixture<OutlookAppFactory>
{
    private const string Measure = "962-E-2026-0103";   // Bildungszentrum am Hafen e.V.

    [Fact]
    public async Task Request_by_mail_is_sent_once_and_answered_in_Outlook()
    {
        const string assessor = "betr-03";
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        var choice = await app.ChooseChannelAsync(assessor, "Outlook");
        Assert.Equal(("Outlook", "Outlook", "Outlook-E-Mail", true),
            ((string?)choice["chosen"], (string?)choice["effective"], (string?)choice["effectiveLabel"], (bool?)choice["outlookAvailable"]));

        var (status, created) = await app.CreateRequestAsync(Measure, [assessor]);
        Assert.Equal(201, status);
        var id = (string)created["id"]!;
        var teamsKey = RatingRequests.InvitationKey(id, assessor);
        var mailKey = ChannelDelivery.MailKey(teamsKey);
        Assert.Null(await app.Service<Proactive>().Outbox.GetAsync(teamsKey)); // Outlook only: no chat card

        // Delivered once; a second delivery and a repeated invitation run send nothing more.
        var worker = app.Service<MailOutboxWorker>();
        Assert.True((await worker.HandleAsync(mailKey, CancellationToken.None)).Done);
        Assert.True((await worker.HandleAsync(mailKey, CancellationToken.None)).Done);
        await app.Service<RatingRequests>().SendInvitationsAsync(id, CancellationToken.None);
        Assert.Equal(MailStatus.Sent, (await app.Service<MailOutbox>().GetAsync(mailKey))!.Status);
        var mail = Assert.Single(app.Graph.Sent, s => Mentions(s, id));

        // The mail: German subject, to the assessor, HTML with the card and a readable fallback.
        var message = mail["message"]!;
        Assert.Equal("Bitte um Trägerbewertung: Bildungszentrum am Hafen e.V. (962-E-2026-0103) – Frist 19.12.2026", (string?)message["subject"]);
        Assert.Equal("betr.03@jobcenter-musterstadt.example", (string?)message["toRecipients"]![0]!["emailAddress"]!["address"]);
        Assert.Equal("html", ((string?)message["body"]!["contentType"])?.ToLowerInvariant());
        Assert.Equal($"<amdl-{MailOutbox.Marker(mailKey)}@teamsamdl.invalid>", (string?)message["internetMessageId"]);
        var html = (string)message["body"]!["content"]!;
        Assert.Contains("<script type=\"application/adaptivecard+json\">", html);
        Assert.Contains($"<a href=\"{OutlookAppFactory.TabUrl}\">Bewertung in TeamsAmdl öffnen</a>", html);
        Assert.Contains("Trägerbewertung: Bildungszentrum am Hafen e.V.", html);
        Assert.Contains("19.12.2026 (noch 28 Tage)", html);
        var card = OutlookAppFactory.CardOf(mail);
        Assert.Equal((OutlookAppFactory.ProviderId, "1.4"), ((string?)card["originator"], (string?)card["version"]));
        Assert.Contains("\"type\":\"Action.Execute\"", Text(card));
        Assert.DoesNotContain("Action.Submit", Text(card));
        Assert.Equal(OutlookAppFactory.ProviderId, (string?)ActionData(card, CardVerbs.RatingOpen)["originator"]);
        Assert.Equal(CardVerbs.RatingOpen, (string?)card["refresh"]!["action"]!["verb"]);

        // Answered in Outlook: open, two pages, submit; each answer card replaces the mail's card (Outlook form).
        var page1 = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingOpen, ActionData(card, CardVerbs.RatingOpen)));
        Assert.Equal((OutlookAppFactory.ProviderId, "1.4"), ((string?)page1["originator"], (string?)page1["version"]));
        Assert.Contains("Seite 1 von 3 · Hard Facts", Text(page1));
        var page2 = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page1, Answers("h", 3, 3, 3, 4, 3, 3, 3))));
        Assert.Contains("Seite 2 von 3 · Soft Facts", Text(page2));
        Assert.Contains("7 von 15 Fragen beantwortet", Text(page2));
        Assert.Equal(7, (await app.SnapshotAsync(id)).AssignmentOf(assessor)!.Answered);
        var summary = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page2, Answers("s", 3, 3, 3, 3, 3, 3, 3, 3))));
        Assert.Contains("Seite 3 von 3 · Zusammenfassung", Text(summary));
        Assert.DoesNotContain("\"type\":\"Table\"", Text(summary));
        var submitted = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingSubmit, ActionData(summary, CardVerbs.RatingSubmit)));
        Assert.Contains("Bewertung abgegeben", Text(submitted));
        var done = (await app.SnapshotAsync(id)).AssignmentOf(assessor)!;
        Assert.Equal((RatingStatus.Submitted, 15, false), (done.Status, done.Answered, done.Auffaellig));

        // Opening the mail again: its refresh shows the current state, not the request.
        var refreshed = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingOpen, card["refresh"]!["action"]!["data"]!.AsObject(), "automatic"));
        Assert.Contains("Bewertung abgegeben", Text(refreshed));
        Assert.DoesNotContain("Bewertung starten", Text(refreshed));
    }

    [Fact]
    public async Task Both_channels_refresh_shows_answers_given_in_Teams_and_reminders_go_by_mail_too()
    {
        const string assessor = "betr-05";
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        await app.ChooseChannelAsync(assessor, "Both");
        var (_, created) = await app.CreateRequestAsync(Measure, [assessor]);
        var id = (string)created["id"]!;
        var teamsKey = RatingRequests.InvitationKey(id, assessor);
        Assert.NotNull(await app.Service<Proactive>().Outbox.GetAsync(teamsKey));
        Assert.True((await app.Service<MailOutboxWorker>().HandleAsync(ChannelDelivery.MailKey(teamsKey), CancellationToken.None)).Done);
        var card = OutlookAppFactory.CardOf(Assert.Single(app.Graph.Sent, s => Mentions(s, id)));

        // Page 1 answered in Teams (the chat's card carries the same verbs, without originator).
        var teamsData = ActionData(card, CardVerbs.RatingOpen);
        teamsData.Remove("originator");
        var page1 = Card(await app.InvokeAsync(assessor, CardVerbs.RatingOpen, teamsData));
        Card(await app.InvokeAsync(assessor, CardVerbs.RatingSavePage, PageData(page1, Answers("h", 3, 3, 3, 3, 3, 3, 3))));

        // The mail opened again: page 2 with "7 von 15", not a stale "0 von 15".
        var refreshed = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingOpen, card["refresh"]!["action"]!["data"]!.AsObject(), "automatic"));
        Assert.Contains("Seite 2 von 3 · Soft Facts", Text(refreshed));
        Assert.Contains("7 von 15 Fragen beantwortet", Text(refreshed));

        // 14 days before the deadline: the reminder goes to the chat and by mail, with a German subject.
        try
        {
            app.Time.Set(AppFactory.Now.AddDays(14));
            await app.Service<RatingReminderJob>().RunOnceAsync(CancellationToken.None);
            var reminderKey = RatingReminderJob.ReminderKey(id, assessor, 14);
            Assert.NotNull(await app.Service<Proactive>().Outbox.GetAsync(reminderKey));
            Assert.True((await app.Service<MailOutboxWorker>().HandleAsync(ChannelDelivery.MailKey(reminderKey), CancellationToken.None)).Done);
            var reminder = Assert.Single(app.Graph.Sent, s => Mentions(s, id) && ((string?)s["message"]!["subject"])!.StartsWith("Erinnerung", StringComparison.Ordinal));
            Assert.Equal("Erinnerung: Trägerbewertung Bildungszentrum am Hafen e.V. (962-E-2026-0103) – Frist 19.12.2026", (string?)reminder["message"]!["subject"]);
            Assert.True(HasAction(OutlookAppFactory.CardOf(reminder), CardVerbs.RatingOpen));
        }
        finally
        {
            app.Time.Set(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Bad_input_from_Outlook_gets_a_German_error_card_and_stores_nothing()
    {
        const string assessor = "betr-04";
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        await app.ChooseChannelAsync(assessor, "Outlook");
        var (_, created) = await app.CreateRequestAsync(Measure, [assessor]);
        var id = (string)created["id"]!;
        Assert.True((await app.Service<MailOutboxWorker>().HandleAsync(ChannelDelivery.MailKey(RatingRequests.InvitationKey(id, assessor)), CancellationToken.None)).Done);
        var card = OutlookAppFactory.CardOf(Assert.Single(app.Graph.Sent, s => Mentions(s, id)));
        var open = ActionData(card, CardVerbs.RatingOpen);
        var page1 = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingOpen, open));
        var save = PageData(page1, Answers("h", 3, 3, 3, 3, 3, 3, 3));
        var before = (await app.SnapshotAsync(id)).AssignmentOf(assessor)!;

        // Another staff member acting on the forwarded mail's card.
        var foreign = Card(await app.OutlookInvokeAsync("betr-06", CardVerbs.RatingSavePage, NewClick(save)));
        Assert.Contains(RatingTexts.ForeignRating, Text(foreign));
        Assert.Contains(CardTexts.Error.Title, Text(foreign));
        Assert.Equal("1.4", (string?)foreign["version"]);

        // A card under another provider id (or none): refused before anything runs.
        var forged = NewClick(save);
        forged["originator"] = "0f0f0f0f-1111-2222-3333-444444444444";
        Assert.Contains(OutlookTexts.UnknownOriginator, Text(Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingSavePage, forged))));
        var none = NewClick(save);
        none.Remove("originator");
        Assert.Contains(OutlookTexts.UnknownOriginator, Text(Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingSavePage, none))));
        var unchanged = (await app.SnapshotAsync(id)).AssignmentOf(assessor)!;
        Assert.Equal((before.Revision, before.Answered), (unchanged.Revision, unchanged.Answered));
        Assert.Empty((await app.SnapshotAsync(id)).PagesOf(assessor));

        // The request closed, then the mail's card used: the closed card says nothing was stored.
        using (var coordinator = app.ClientAs(Coordinator))
            Assert.Equal(System.Net.HttpStatusCode.OK, (await coordinator.PostAsync($"/api/ratings/requests/{id}/close", null)).StatusCode);
        var closed = Card(await app.OutlookInvokeAsync(assessor, CardVerbs.RatingSavePage, NewClick(save)));
        Assert.Contains("Ihre Eingaben wurden nicht gespeichert", Text(closed));
        Assert.Equal((OutlookAppFactory.ProviderId, "1.4"), ((string?)closed["originator"], (string?)closed["version"]));
        var after = await app.SnapshotAsync(id);
        Assert.Empty(after.PagesOf(assessor));
        Assert.Equal((RatingStatus.Closed, 0), (after.AssignmentOf(assessor)!.Status, after.AssignmentOf(assessor)!.Answered));
    }

    private static bool Mentions(JsonObject sendMail, string ratingId) => ((string?)sendMail["message"]?["body"]?["content"])?.Contains(ratingId, StringComparison.Ordinal) == true;
}
