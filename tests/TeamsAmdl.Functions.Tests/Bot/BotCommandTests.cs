using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>
/// The chat commands of the manifest's command list through POST /api/messages, against the seeded demo Jobcenter:
/// "hilfe" and unknown text get the short help (not the welcome card), "einstellungen" a short text, "meine aufgaben"
/// the person's own open tasks with working buttons. Each test uses its own demo users.
/// </summary>
public sealed class BotCommandTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>Sends a text as the user and returns the bot's answer (the newest message of their chat).</summary>
    private async Task<JsonObject> SayAsync(string staffId, string text, Action<JsonObject>? bend = null)
    {
        var message = TestActivities.Base("message", staffId);
        message["text"] = text;
        bend?.Invoke(message);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(message.ToJsonString())).StatusCode);
        var inbox = await Service<DevInboxStore>().ListAsync(TestActivities.Aad(staffId), 50, CancellationToken.None);
        return inbox.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.RowKey, StringComparer.Ordinal).First().ReadActivity();
    }

    private static JsonObject? Card(JsonObject reply) => reply["attachments"]?[0]?["content"]?.AsObject();

    /// <summary>The buttons of the task list: one ActionSet per task.</summary>
    private static List<JsonObject> Buttons(JsonObject card) =>
        card["body"]!.AsArray().SelectMany(e => e!["items"]?.AsArray() ?? [])
            .Where(e => (string?)e!["type"] == "ActionSet")
            .Select(e => e!["actions"]![0]!.AsObject())
            .ToList();

    private async Task<JsonObject> InvokeAsync(string staffId, JsonObject button)
    {
        var data = button["data"]!.DeepClone().AsObject();
        var res = await app.PostAsync(TestActivities.Invoke(staffId, (string)button["verb"]!, data).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return JsonNode.Parse(await res.Content.ReadAsStringAsync())!.AsObject();
    }

    [Theory]
    [InlineData("hallo")]
    [InlineData("hilfe")]
    [InlineData("<at>TeamsAmdl</at> Hilfe!")]
    [InlineData("Was kannst du?")]
    public async Task Help_and_unknown_text_get_the_short_help_listing_the_commands_not_the_welcome_card(string text)
    {
        var reply = await SayAsync("ifk-laura-krueger", text);

        Assert.Equal(BotTexts.Help, (string?)reply["text"]);
        Assert.Null(reply["attachments"]);
        foreach (var command in new[] { BotCommands.HelpText, BotCommands.MyTasksText, BotCommands.SettingsText })
            Assert.Contains(command, BotTexts.Help);
    }

    [Fact]
    public async Task Einstellungen_gets_the_short_settings_answer()
    {
        var reply = await SayAsync("ifk-daniel-hartwig", "  Einstellungen ");

        Assert.Equal(BotTexts.Settings, (string?)reply["text"]);
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task Meine_aufgaben_lists_the_Betreuers_open_rating_weekly_input_and_place_decision_with_working_buttons()
    {
        const string betreuer = "betr-07"; // assessor of the demo rating bw-demo-0503 (RatingsDemoSeeder)
        var today = BerlinCalendar.Today(app.Time);
        var measure = (await Service<MeasureRepository>().ListAsync(today)).First(m => m.Measure.BetreuerId == betreuer).Measure;
        await Service<PlaceRequestRepository>().AddAsync(new PlaceRequestEntity
        {
            PartitionKey = measure.Number, RowKey = "pr-cmd-0001", IfkId = "ifk-sebastian-lange", CustomerRef = "K-CMD-0001",
            Status = nameof(PlaceRequestStatus.Pending), RequestedAt = app.Time.GetUtcNow(),
        }, CancellationToken.None);
        var week = WeekKey.Current(app.Time);
        await Service<DigestInputRepository>().SaveRequestAsync(new DigestRequestEntity
        {
            PartitionKey = week.ToString(), RowKey = betreuer, RequestQueuedAt = app.Time.GetUtcNow(),
        }, CancellationToken.None);

        var card = Card(await SayAsync(betreuer, "meine aufgaben"))!;

        Assert.Equal(CardTexts.MyTasks.Title, (string?)card["body"]![0]!["text"]);
        var buttons = Buttons(card);
        var rating = Assert.Single(buttons, b => (string?)b["verb"] == CardVerbs.RatingOpen);
        Assert.Equal("bw-demo-0503", (string?)rating["data"]![CardVerbs.RatingIdKey]);
        var weekly = Assert.Single(buttons, b => (string?)b["verb"] == CardVerbs.DigestInputEdit);
        Assert.Equal(week.ToString(), (string?)weekly["data"]![CardVerbs.DigestWeekKey]);
        Assert.Contains(measure.Number, weekly["data"]![CardVerbs.DigestMeasuresKey]!.AsArray().Select(n => (string?)n));
        var decision = Assert.Single(buttons, b => (string?)b["verb"] == CardVerbs.PlaceRequestDecisionRefresh
                                                  && (string?)b["data"]![CardVerbs.PlaceRequestIdKey] == "pr-cmd-0001");
        Assert.Equal(measure.Number, (string?)decision["data"]![CardVerbs.MeasureNumberKey]);
        // Every button carries its own request id, in the Action.Submit fallback too (idempotency of double clicks).
        Assert.All(buttons, b =>
        {
            Assert.False(string.IsNullOrEmpty((string?)b["data"]!["requestId"]));
            Assert.Equal((string?)b["data"]!["requestId"], (string?)b["fallback"]!["data"]!["requestId"]);
        });
        Assert.Equal(3, buttons.Select(b => (string?)b["data"]!["requestId"]).Distinct().Count());

        // The buttons open the task: the questionnaire, the weekly input card, the decision card with its buttons.
        var opened = await InvokeAsync(betreuer, rating);
        Assert.Equal(200, (int?)opened["statusCode"]);
        Assert.Equal(AdaptiveCard.ContentType, (string?)opened["type"]);
        var input = await InvokeAsync(betreuer, weekly);
        Assert.Equal(200, (int?)input["statusCode"]);
        Assert.Contains(CardVerbs.DigestInputSubmit, input["value"]!.ToJsonString());
        var decide = await InvokeAsync(betreuer, decision);
        Assert.Equal(200, (int?)decide["statusCode"]);
        Assert.Contains(CardVerbs.PlaceRequestConfirm, decide["value"]!.ToJsonString());
        Assert.Contains("K-CMD-0001", decide["value"]!.ToJsonString());
    }

    [Fact]
    public async Task Meine_aufgaben_shows_only_the_callers_own_tasks()
    {
        var today = BerlinCalendar.Today(app.Time);
        var measure = (await Service<MeasureRepository>().ListAsync(today)).First(m => m.Measure.BetreuerId == "betr-03").Measure;
        await Service<PlaceRequestRepository>().AddAsync(new PlaceRequestEntity
        {
            PartitionKey = measure.Number, RowKey = "pr-cmd-0002", IfkId = "ifk-miriam-hofmann", CustomerRef = "K-CMD-0002",
            Status = nameof(PlaceRequestStatus.Pending), RequestedAt = app.Time.GetUtcNow(),
        }, CancellationToken.None);

        // Another assessor sees their rating, not betr-07's, and no place request of betr-03's measure.
        var other = Card(await SayAsync("betr-08", "Meine Aufgaben"))!;
        var otherButtons = Buttons(other);
        Assert.Equal("bw-demo-0108", (string?)Assert.Single(otherButtons, b => (string?)b["verb"] == CardVerbs.RatingOpen)["data"]![CardVerbs.RatingIdKey]);
        Assert.DoesNotContain("K-CMD-0002", other.ToJsonString());

        // The IFK who asked for the place decides nothing: an IFK without other tasks gets the empty list, no buttons.
        var ifk = Card(await SayAsync("ifk-miriam-hofmann", "meine aufgaben"))!;
        Assert.Empty(Buttons(ifk));
        Assert.Equal(CardTexts.MyTasks.Nothing, (string?)ifk["body"]![1]!["text"]);
        Assert.DoesNotContain("K-CMD-0002", ifk.ToJsonString());

        // The Betreuer of the measure sees it.
        Assert.Contains("K-CMD-0002", Card(await SayAsync("betr-03", "meine aufgaben"))!.ToJsonString());
    }

    [Fact]
    public async Task Meine_aufgaben_lists_the_opened_after_end_tasks_of_the_measures_a_person_coordinates_or_looks_after()
    {
        var today = BerlinCalendar.Today(app.Time);
        var measures = (await Service<MeasureRepository>().ListAsync(today)).Select(m => m.Measure).ToList();
        // Demo users the other tests of this class expect without such tasks stay out of it.
        string[] others = ["betr-07", "betr-03", "betr-05", "betr-06"];
        var measure = measures.First(m => m.BetreuerId is { } b && !others.Contains(b) && m.KoordinatorId is not null);
        var unopened = measures.First(m => m.Number != measure.Number && m.BetreuerId is { } b && !others.Contains(b) && b != measure.BetreuerId);
        var store = Service<MonitoringStore>();
        var opened = app.Time.GetUtcNow().AddDays(-20);
        // Opened and overdue; opened and due later; planned but not yet opened (elsewhere); opened but done.
        await store.SaveTaskAsync(new AfterEndTaskRow(measure.Number, AfterEndTaskKind.Abschlussbericht, today.AddDays(-20), today.AddDays(-6), opened), default);
        await store.SaveTaskAsync(new AfterEndTaskRow(measure.Number, AfterEndTaskKind.Eingliederungserfolg, today.AddDays(-1), today.AddDays(13), opened), default);
        await store.SaveTaskAsync(new AfterEndTaskRow(unopened.Number, AfterEndTaskKind.Abschlussbericht, today.AddDays(3), today.AddDays(17)), default);
        await store.SaveTaskAsync(new AfterEndTaskRow(unopened.Number, AfterEndTaskKind.Eingliederungserfolg, today.AddDays(-30), today.AddDays(-16), opened,
            DoneAt: opened.AddDays(2), DoneBy: unopened.BetreuerId, Integrated: 1, NotIntegrated: 0), default);

        foreach (var person in new[] { measure.BetreuerId!, measure.KoordinatorId! })
        {
            var card = Card(await SayAsync(person, "meine aufgaben"))!;
            var texts = card["body"]!.AsArray()
                .SelectMany(e => e!["items"] is JsonArray items ? items.Select(i => (string?)i!["text"]) : [(string?)e["text"]]).ToList();
            var heading = texts.IndexOf(CardTexts.MyTasks.AfterEndHeading);
            Assert.True(heading >= 0, person);
            // Due order: the overdue review first, with its mark; then the integration success with its due date.
            Assert.Equal(CardTexts.MyTasks.AfterEndTitle(CardTexts.Monitoring.TaskTitle(QualityTaskKind.Abschlussbericht), measure.Number), texts[heading + 1]);
            Assert.Equal(CardTexts.MyTasks.AfterEndDetail(measure.Title, today.AddDays(-6), overdue: true), texts[heading + 2]);
            Assert.Contains("überfällig", texts[heading + 2]);
            Assert.Equal(CardTexts.MyTasks.AfterEndTitle(CardTexts.Monitoring.TaskTitle(QualityTaskKind.Eingliederungserfolg), measure.Number), texts[heading + 3]);
            Assert.Equal(CardTexts.MyTasks.AfterEndDetail(measure.Title, today.AddDays(13), overdue: false), texts[heading + 4]);
            // The other measure may have Fristen above (the demo keeps 0104's Erwartungsbögen overdue), but no after-end task.
            Assert.DoesNotContain(texts.Skip(heading), t => t?.Contains(unopened.Number, StringComparison.Ordinal) == true);
        }

        // The Betreuer of the other measure sees its tasks neither before they open nor once done.
        var other = Card(await SayAsync(unopened.BetreuerId!, "meine aufgaben"))!;
        Assert.DoesNotContain(CardTexts.MyTasks.AfterEndHeading, other["body"]!.AsArray().Select(e => (string?)e!["text"]));
    }

    [Fact]
    public async Task Meine_aufgaben_outside_the_personal_chat_or_from_an_unknown_account_shows_no_tasks()
    {
        var channel = await SayAsync("betr-05", "<at>TeamsAmdl</at> meine aufgaben", m => m["conversation"]!["conversationType"] = "channel");
        Assert.Equal(BotTexts.MyTasksPersonalOnly, (string?)channel["text"]);
        Assert.Null(channel["attachments"]);

        var unknown = TestActivities.Base("message", "betr-06");
        unknown["text"] = "meine aufgaben";
        unknown["from"]!["aadObjectId"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(unknown.ToJsonString())).StatusCode);
        var inbox = await Service<DevInboxStore>().ListAsync((string)unknown["from"]!["aadObjectId"]!, 50, CancellationToken.None);
        var reply = Assert.Single(inbox).ReadActivity();
        Assert.Equal(BotTexts.UnknownUser, (string?)reply["text"]);
        Assert.Null(reply["attachments"]);
    }
}
