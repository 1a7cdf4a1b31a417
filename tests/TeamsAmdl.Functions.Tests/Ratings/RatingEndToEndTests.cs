using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Tests.Bot;
using TeamsAmdl.Filing;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>
/// Issue 4 end to end over POST /api/messages with signed test tokens, the dev connector, Azurite and the fake clock:
/// request created → card delivered → pages answered → auffällig submission rejected until justified → accepted →
/// managers notified → document in blob storage → reminders no longer sent (while an unanswered request keeps
/// getting them and escalates).
/// </summary>
public sealed class RatingEndToEndTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private const string Measure = "962-E-2026-0103";   // Berufliche Orientierung für Geflüchtete, Bildungszentrum am Hafen e.V.
    private const string Assessor = "betr-03";           // Nadine Hoffmann, the measure's Betreuerin; her manager is tl-neumann
    private const string OtherAssessor = "betr-05";      // gets a request too and never answers

    [Fact]
    public async Task Request_to_submission_with_the_auffaellig_rule_notifications_document_and_reminders()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now); // 21 Nov 2026, 11:00 Berlin

        // 1. The coordinator creates the request: deadline = sent + 4 weeks.
        var (status, created) = await app.CreateRequestAsync(Measure, [Assessor]);
        Assert.Equal(201, status);
        var id = (string)created["id"]!;
        Assert.Equal("2026-12-19", (string?)created["deadline"]);
        Assert.Equal("tm-standard", (string?)created["templateId"]);
        Assert.Equal(1, (int?)created["templateVersion"]);
        var (otherStatus, other) = await app.CreateRequestAsync(Measure, [OtherAssessor]);
        Assert.Equal(201, otherStatus);
        var otherId = (string)other["id"]!;

        // 2. The card reaches the assessor's 1:1 chat (outbox → dev connector).
        await app.DeliverAsync(RatingRequests.InvitationKey(id, Assessor), RatingRequests.InvitationKey(otherId, OtherAssessor));
        var invitation = Assert.Single(await app.InboxCardsAsync(Assessor));
        Assert.Contains("Trägerbewertung: Bildungszentrum am Hafen e.V.", Text(invitation));
        Assert.Contains("19.12.2026 (noch 28 Tage)", Text(invitation));
        Assert.Equal([Aad(Assessor)], invitation["refresh"]!["userIds"]!.AsArray().Select(x => (string)x!));

        // 3. "Bewertung starten" → page 1 (Hard Facts, 7 questions).
        var page1 = Card(await app.InvokeAsync(Assessor, CardVerbs.RatingOpen, ActionData(invitation, CardVerbs.RatingOpen)));
        Assert.Contains("Seite 1 von 3 · Hard Facts", Text(page1));
        Assert.Equal(["q_h1", "c_h1", "q_h2", "c_h2", "q_h3", "c_h3", "q_h4", "c_h4", "q_h5", "c_h5", "q_h6", "c_h6", "q_h7", "c_h7"], InputIds(page1));

        // 4. Page 1: Hard average 13/7 ≈ 1.857 < 2. The same click delivered twice counts once.
        var save1 = PageData(page1, Answers("h", 1, 2, 1, 2, 2, 2, 3), new Dictionary<string, string> { ["h1"] = "Nur 6 von 12 Plätzen besetzt." });
        var activityId = "act-page1-" + Guid.NewGuid().ToString("N")[..8];
        var first = await app.InvokeAsync(Assessor, CardVerbs.RatingSavePage, save1, activityId);
        var again = await app.InvokeAsync(Assessor, CardVerbs.RatingSavePage, save1, activityId);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        var retryFromOldCard = save1.DeepClone().AsObject();
        retryFromOldCard["requestId"] = Guid.NewGuid().ToString("N"); // a second click on the same (stale) card
        Card(await app.InvokeAsync(Assessor, CardVerbs.RatingSavePage, retryFromOldCard));
        var afterPage1 = (await app.SnapshotAsync(id)).AssignmentOf(Assessor)!;
        Assert.Equal((7, 1), (afterPage1.Answered, afterPage1.Revision));
        var page2 = Card(first);
        Assert.Contains("Seite 2 von 3 · Soft Facts", Text(page2));
        Assert.Contains("7 von 15 Fragen beantwortet", Text(page2));

        // 5. Page 2: Soft average 22/8 = 2.75, but question 9 (s2, Erreichbarkeit) at 1 → auffällig with two bad values.
        var summary = Card(await app.InvokeAsync(Assessor, CardVerbs.RatingSavePage, PageData(page2, Answers("s", 3, 1, 3, 3, 3, 3, 3, 3))));
        Assert.Contains("Seite 3 von 3 · Zusammenfassung", Text(summary));
        Assert.Contains("\"value\":\"1,85\"", Text(summary)); // 1.857… cut, not rounded
        Assert.Contains("\"value\":\"2,75\"", Text(summary));
        Assert.Contains("Auffällig", Text(summary));
        Assert.Equal(["b_avg-hard", "h_avg-hard", "b_q-s2", "h_q-s2"], InputIds(summary));

        // 6. Submitting without justifications is refused and the card names each missing text; nothing is stored.
        var refused = Card(await app.InvokeAsync(Assessor, CardVerbs.RatingSubmit, ActionData(summary, CardVerbs.RatingSubmit)));
        Assert.Contains("Nicht abgesendet: Für 2 schlechte Werte fehlen Angaben.", Text(refused));
        Assert.Contains("Durchschnitt Hard Facts (1,85): Es fehlen Begründung/Erläuterung und Handlungsempfehlung.", Text(refused));
        Assert.Contains("Frage 9 (Soft Facts, Wert 1): Es fehlen Begründung/Erläuterung und Handlungsempfehlung.", Text(refused));
        // A Begründung alone is not enough.
        var partly = ActionData(refused, CardVerbs.RatingSubmit);
        partly["b_avg-hard"] = "Auslastung bei 50 %, Anwesenheitslisten kommen verspätet.";
        partly["b_q-s2"] = "Träger telefonisch kaum erreichbar, E-Mails bleiben tagelang liegen.";
        partly["h_q-s2"] = "Feste Sprechzeiten und eine Vertretung vereinbaren.";
        var refusedAgain = Card(await app.InvokeAsync(Assessor, CardVerbs.RatingSubmit, partly));
        Assert.Contains("Nicht abgesendet: Für einen schlechten Wert fehlen Angaben.", Text(refusedAgain));
        Assert.Contains("Durchschnitt Hard Facts (1,85): Es fehlt die Handlungsempfehlung.", Text(refusedAgain));
        Assert.Contains("Feste Sprechzeiten und eine Vertretung vereinbaren.", Text(refusedAgain)); // typed texts stay on the card
        var stillOpen = await app.SnapshotAsync(id);
        Assert.Equal(RatingStatus.Open, stillOpen.AssignmentOf(Assessor)!.Status);
        Assert.Empty(stillOpen.JustificationsOf(Assessor));

        // 7. With every text it is accepted.
        var complete = ActionData(refusedAgain, CardVerbs.RatingSubmit);
        foreach (var (k, v) in partly) if (k != "requestId") complete[k] = v!.DeepClone();
        complete["h_avg-hard"] = "Qualitätsgespräch mit dem Träger bis 15.12.; Besetzungsplan anfordern.";
        var submitted = Card(await app.InvokeAsync(Assessor, CardVerbs.RatingSubmit, complete));
        Assert.Contains("Bewertung abgegeben", Text(submitted));
        Assert.Contains("wurden über die auffällige Bewertung informiert", Text(submitted));
        var done = (await app.SnapshotAsync(id)).AssignmentOf(Assessor)!;
        Assert.Equal(RatingStatus.Submitted, done.Status);
        Assert.True(done.Auffaellig);
        Assert.Equal(13m / 7m, done.HardAverage);
        Assert.Equal(2.75m, done.SoftAverage);
        Assert.Equal(["avg-hard", "q-s2"], done.BadValues.Select(b => b.Key));
        Assert.True(done.FollowUpsDone);

        // A second submit (another card, a retry) counts once: the same confirmation, no new messages.
        var outboxBefore = (await app.Service<Proactive>().Outbox.ListAsync()).Count;
        var second = ActionData(refusedAgain, CardVerbs.RatingSubmit);
        foreach (var (k, v) in complete) if (k != "requestId") second[k] = v!.DeepClone();
        Assert.Contains("Bewertung abgegeben", Text(Card(await app.InvokeAsync(Assessor, CardVerbs.RatingSubmit, second))));
        Assert.Equal(outboxBefore, (await app.Service<Proactive>().Outbox.ListAsync()).Count);

        // 8. The Koordinierende Führungskraft (kfk-brandt, above koord-weber) and the Betreuerin's manager (tl-neumann) get a card.
        await app.DeliverAsync(RatingFollowUps.FlaggedKey(id, Assessor, "kfk-brandt"), RatingFollowUps.FlaggedKey(id, Assessor, "tl-neumann"));
        foreach (var manager in new[] { "kfk-brandt", "tl-neumann" })
        {
            var card = Assert.Single(await app.InboxCardsAsync(manager));
            Assert.Contains("Auffällige Trägerbewertung", Text(card));
            Assert.Contains("Nadine Hoffmann", Text(card));
            Assert.Contains("Qualitätsgespräch mit dem Träger bis 15.12.; Besetzungsplan anfordern.", Text(card));
            Assert.Contains("Feste Sprechzeiten und eine Vertretung vereinbaren.", Text(card));
        }
        Assert.Empty(await app.InboxCardsAsync("tl-schubert")); // nobody else

        // 9. The Bewertungsbogen (the filing project's renderer) is in blob storage, queued in the e-Akte filing outbox.
        var filing = app.Service<FilingOutbox>();
        var filed = (await filing.GetAsync(done.FilingJobId!))!;
        Assert.Equal(done.FilingPath, filed.Path);
        Assert.Contains("/962-E-2026-0103/Bewertungsbögen TM/2026-11-21_Bewertungsbogen Nadine Hoffmann " + id + ".pdf", filed.Path);
        Assert.Equal(("Bildungszentrum am Hafen e.V.", Measure, "Bewertungsbögen TM", "Bewertungsbogen"),
            (filed.Traeger, filed.Massnahmenummer, filed.Kategorie, filed.Dokumentart));
        Assert.True(filed.Status is FilingStatus.Pending or FilingStatus.Filed, filed.Status.ToString());
        var text = PdfText(await app.FiledDocumentAsync(filed.ContentHash));
        foreach (var expected in new[]
                 {
                     Measure, "Berufliche Orientierung für Geflüchtete", "Bildungszentrum am Hafen e.V.", "Nadine Hoffmann", "auffällig",
                     "Durchschnitt Hard Facts (Schwelle: unter 2)", "1,85", "2,75", "Anmerkung: Nur 6 von 12 Plätzen besetzt.", "1 – mangelhaft",
                     "Frage 9 (Soft Facts, Wert 1): Träger telefonisch kaum erreichbar, E-Mails bleiben tagelang liegen.",
                     "Durchschnitt Hard Facts (1,85): Qualitätsgespräch mit dem Träger bis 15.12.; Besetzungsplan anfordern.",
                     "angefordert von Julia Weber",
                 })
            Assert.Contains(expected, text);
        // Queuing it again (follow-ups repeated after a crash) adds nothing: same path, same content, same job.
        var repeat = await RatingDocument.QueueAsync(app.Service<TeamsAmdl.Filing.Documents.BewertungsbogenRenderer>(), filing, await app.SnapshotAsync(id),
            (await app.Service<TemplateStore>().GetAsync("tm-standard", 1, CancellationToken.None))!, done, CancellationToken.None);
        Assert.Equal((filed.JobId, false), (repeat.JobId, repeat.Created));
        Assert.Single(await filing.ListAsync(), j => j.Path == filed.Path);

        // 10. Four simulated weeks of the reminder job: the submitted rating gets nothing, the open one 14/7/1 and an overdue card.
        var job = app.Service<RatingReminderJob>();
        var sent = new List<string>();
        var seen = new HashSet<string>();
        for (var day = 1; day <= 30; day++)
        {
            app.Time.Set(AppFactory.Now.AddDays(day));
            for (var run = 0; run < 2; run++) await job.RunOnceAsync(CancellationToken.None); // a second run the same day sends nothing
            foreach (var (rating, who) in new[] { (id, Assessor), (otherId, OtherAssessor) })
            {
                var a = (await app.SnapshotAsync(rating)).AssignmentOf(who)!;
                foreach (var slot in a.RemindersSent)
                    if (seen.Add($"{who}:{slot}")) sent.Add($"day {day}: {who} reminder {slot}");
                if (a.OverdueNotified && seen.Add($"{who}:overdue")) sent.Add($"day {day}: {who} overdue");
            }
        }
        Assert.Equal([$"day 14: {OtherAssessor} reminder 14", $"day 21: {OtherAssessor} reminder 7", $"day 27: {OtherAssessor} reminder 1",
            $"day 29: {OtherAssessor} overdue"], sent);
        var outbox = app.Service<Proactive>().Outbox;
        foreach (var slot in new[] { 14, 7, 1 })
        {
            Assert.Null(await outbox.GetAsync(RatingReminderJob.ReminderKey(id, Assessor, slot)));
            Assert.NotNull(await outbox.GetAsync(RatingReminderJob.ReminderKey(otherId, OtherAssessor, slot)));
        }
        Assert.Null(await outbox.GetAsync(RatingReminderJob.OverdueKey(id, Assessor, Coordinator)));
        await app.DeliverAsync(RatingReminderJob.OverdueKey(otherId, OtherAssessor, Coordinator));
        // (The demo requests go overdue too; the coordinator's inbox holds their cards as well.)
        Assert.Contains(await app.InboxCardsAsync(Coordinator), c => Text(c).Contains("Trägerbewertung überfällig", StringComparison.Ordinal)
            && Text(c).Contains("Lea Koch", StringComparison.Ordinal)); // betr-05
        app.Time.Set(AppFactory.Now);
    }
}
