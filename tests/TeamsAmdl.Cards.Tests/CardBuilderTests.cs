using System.Text.Json.Nodes;
using TeamsAmdl.Cards;

namespace TeamsAmdl.Cards.Tests;

public sealed class CardBuilderTests
{
    private static JsonObject Json(AdaptiveCard card) => JsonNode.Parse(card.ToJson())!.AsObject();

    [Fact]
    public void Card_is_schema_1_5_with_type_first_and_nulls_omitted()
    {
        var card = AdaptiveCard.Create().Add(new TextBlock("Hallo")).Build();
        var json = Json(card);

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)json["$schema"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.False(json.ContainsKey("actions"));
        Assert.False(json.ContainsKey("refresh"));
        Assert.False(json.ContainsKey("msteams"));
        var text = json["body"]![0]!.AsObject();
        Assert.Equal("type", text.First().Key);
        Assert.Equal("TextBlock", (string?)text["type"]);
        Assert.True((bool)text["wrap"]!);
        Assert.False(text.ContainsKey("id"));
        Assert.False(text.ContainsKey("separator"));
        Assert.False(text.ContainsKey("isSubtle"));
        Assert.StartsWith("{\"type\":\"AdaptiveCard\",\"$schema\":", card.ToJson());
    }

    [Fact]
    public void Enums_and_widths_are_written_as_the_schema_expects()
    {
        var card = AdaptiveCard.Create().FullWidth()
            .Add(new ColumnSet(
            [
                Column.Auto(new TextBlock("a") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Good }),
                new Column([new TextBlock("b")]) { Width = ColumnWidth.Weight(2) },
                new Column([new TextBlock("c")]) { Width = ColumnWidth.Pixels(50) },
            ]) { Spacing = Spacing.ExtraLarge })
            .Build();
        var json = Json(card);
        var set = json["body"]![0]!;
        Assert.Equal("extraLarge", (string?)set["spacing"]);
        Assert.Equal("Column", (string?)set["columns"]![0]!["type"]);
        Assert.Equal("auto", (string?)set["columns"]![0]!["width"]);
        Assert.Equal(2, (double)set["columns"]![1]!["width"]!);
        Assert.Equal("50px", (string?)set["columns"]![2]!["width"]);
        Assert.Equal("extraLarge", (string?)set["columns"]![0]!["items"]![0]!["size"]);
        Assert.Equal("bolder", (string?)set["columns"]![0]!["items"]![0]!["weight"]);
        Assert.Equal("Full", (string?)json["msteams"]!["width"]);
    }

    [Fact]
    public void Execute_action_carries_a_submit_fallback_with_the_same_data_plus_verb()
    {
        var card = AdaptiveCard.Create().Add(new TextBlock("x"))
            .AddAction(new ExecuteAction("measureRefresh", "Aktualisieren")
            {
                Data = new Dictionary<string, object?> { ["measureNumber"] = "MN-1", ["page"] = 2 },
                Style = ActionStyle.Positive,
                AssociatedInputs = AssociatedInputs.None,
            })
            .Build();
        var action = Json(card)["actions"]![0]!.AsObject();

        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("measureRefresh", (string?)action["verb"]);
        Assert.Equal("none", (string?)action["associatedInputs"]);
        Assert.Equal("positive", (string?)action["style"]);
        Assert.Equal("MN-1", (string?)action["data"]!["measureNumber"]);
        var fallback = action["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.Equal("Aktualisieren", (string?)fallback["title"]);
        Assert.Equal("none", (string?)fallback["associatedInputs"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"measureNumber":"MN-1","page":2,"verb":"measureRefresh"}"""), fallback["data"]));
    }

    [Fact]
    public void Refresh_is_an_execute_action_for_listed_users_without_fallback()
    {
        var card = AdaptiveCard.Create().Add(new TextBlock("x"))
            .WithRefresh(Refresh.ForUsers("measureRefresh", ["29:abc", "29:def"]))
            .Build();
        var refresh = Json(card)["refresh"]!;
        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal("measureRefresh", (string?)refresh["action"]!["verb"]);
        Assert.Null(refresh["action"]!["fallback"]);
        Assert.Equal(2, refresh["userIds"]!.AsArray().Count);
    }

    [Fact]
    public void Duplicate_input_ids_throw_on_build()
    {
        var builder = AdaptiveCard.Create().Add(
            new TextInput("comment") { Label = "Kommentar" },
            new Container([new NumberInput("comment") { Label = "Zahl" }]));
        var e = Assert.Throws<CardValidationException>(builder.Build);
        Assert.Contains(e.Problems, p => p.Contains("'comment'") && p.Contains("2 times"));
    }

    [Fact]
    public void Duplicate_ids_across_show_card_and_actions_throw_on_build()
    {
        var inner = AdaptiveCard.Create().Add(new TextInput("note") { Label = "Notiz" }).Build();
        var builder = AdaptiveCard.Create().Add(new DateInput("note") { Label = "Datum" })
            .AddAction(new ShowCardAction("Notiz", inner));
        Assert.Throws<CardValidationException>(builder.Build);
    }

    [Fact]
    public void Required_inputs_need_label_and_error_message()
    {
        var e = Assert.Throws<CardValidationException>(() =>
            AdaptiveCard.Create().Add(new TextInput("name") { IsRequired = true }).Build());
        Assert.Contains(e.Problems, p => p.Contains("label"));
        Assert.Contains(e.Problems, p => p.Contains("errorMessage"));

        AdaptiveCard.Create().Add(new TextInput("name") { IsRequired = true, Label = "Name", ErrorMessage = "Bitte Namen angeben." }).Build();
    }

    [Theory]
    [MemberData(nameof(InvalidCards))]
    public void Invalid_cards_are_refused(string because, Func<AdaptiveCard> build)
    {
        var e = Assert.Throws<CardValidationException>(build);
        Assert.NotEmpty(e.Problems);
        Assert.False(string.IsNullOrEmpty(because));
    }

    public static TheoryData<string, Func<AdaptiveCard>> InvalidCards => new()
    {
        { "empty card", () => AdaptiveCard.Create().Build() },
        { "empty choice set", () => AdaptiveCard.Create().Add(new ChoiceSetInput("c", [])).Build() },
        { "choice value not offered", () => AdaptiveCard.Create().Add(new ChoiceSetInput("c", [new Choice("A", "a")]) { Value = "b" }).Build() },
        { "duplicate choice values", () => AdaptiveCard.Create().Add(new ChoiceSetInput("c", [new Choice("A", "a"), new Choice("B", "a")])).Build() },
        { "min > max", () => AdaptiveCard.Create().Add(new NumberInput("n") { Min = 5, Max = 1 }).Build() },
        { "date min > max", () => AdaptiveCard.Create().Add(new DateInput("d") { Min = new DateOnly(2025, 2, 1), Max = new DateOnly(2025, 1, 1) }).Build() },
        { "empty text", () => AdaptiveCard.Create().Add(new TextBlock(" ")).Build() },
        { "too many actions", () => AdaptiveCard.Create().Add(new TextBlock("x"))
            .AddAction(Enumerable.Range(0, 7).Select(i => (CardAction)new ExecuteAction("v" + i, "Aktion " + i)).ToArray()).Build() },
        { "relative url", () => AdaptiveCard.Create().Add(new TextBlock("x")).AddAction(new OpenUrlAction("Öffnen", "/massnahmen/1")).Build() },
        { "image url", () => AdaptiveCard.Create().Add(new Image("bild.png")).Build() },
        { "table row too wide", () => AdaptiveCard.Create().Add(new Table([TableColumn.Weighted()], [TableRow.OfTexts("a", "b")])).Build() },
        { "auto width in table", () => AdaptiveCard.Create().Add(new Table([new TableColumn(ColumnWidth.Auto)], [])).Build() },
        { "verb key taken", () => AdaptiveCard.Create().Add(new TextBlock("x"))
            .AddAction(new ExecuteAction("ping", "Test") { Data = new Dictionary<string, object?> { ["verb"] = "other" } }).Build() },
        { "too many refresh users", () => AdaptiveCard.Create().Add(new TextBlock("x"))
            .WithRefresh(Refresh.ForUsers("v", Enumerable.Range(0, 61).Select(i => "29:" + i).ToArray())).Build() },
        { "empty container", () => AdaptiveCard.Create().Add(new Container([])).Build() },
    };

    [Fact]
    public void Constructors_refuse_missing_ids_verbs_and_titles()
    {
        Assert.Throws<ArgumentException>(() => new TextInput(""));
        Assert.Throws<ArgumentException>(() => new ExecuteAction("", "Titel"));
        Assert.Throws<ArgumentException>(() => new ExecuteAction("ping", " "));
    }

    [Fact]
    public void Attachment_has_the_adaptive_card_content_type()
    {
        var attachment = WelcomeCard.Build(new WelcomeCardData()).ToAttachment();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("AdaptiveCard", (string?)attachment.Content["type"]);

        var serialized = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(attachment))!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)serialized["contentType"]);
        Assert.Equal("1.5", (string?)serialized["content"]!["version"]);

        var invoke = CardInvokeResponse.ForCard(PingResultCard.Build(new PingResultCardData("A", DateTimeOffset.UnixEpoch)));
        Assert.Equal(200, (int)invoke["statusCode"]!);
        Assert.Equal(AdaptiveCard.ContentType, (string?)invoke["type"]);
    }

    [Fact]
    public void Umlauts_are_written_unescaped()
    {
        var json = AdaptiveCard.Create().Add(new TextBlock("Träger für Maßnahmen – „Zuweisung“")).Build().ToJson();
        Assert.Contains("Träger für Maßnahmen – „Zuweisung“", json);
    }

    [Fact]
    public void Welcome_card_greets_names_the_chat_commands_and_has_no_ping_button()
    {
        var json = Json(WelcomeCard.Build(new WelcomeCardData("Erika")));
        // "Verbindung testen" is for operators and benchmarks (the ping verb stays), not for end users.
        Assert.Null(json["actions"]);
        Assert.DoesNotContain(CardVerbs.Ping, json.ToJsonString());
        var text = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Hallo Erika!", text);
        Assert.Contains(CardTexts.Welcome.CommandsHint, text);
    }

    [Fact]
    public void My_tasks_card_has_one_button_per_task_to_the_verb_that_opens_it()
    {
        var ratings = Enumerable.Range(1, MyTasksCard.MaxPerSection + 2)
            .Select(i => new OpenRatingTask($"bw-{i}", "MN-1", "Bildungswerk Nord", new DateOnly(2025, 10, i), i, 18)).ToList();
        var json = Json(MyTasksCard.Build(new MyTasksCardData("Erika", ratings,
            [new WeeklyInputTask("2025-W38", "KW 38/2025", ["MN-1", "MN-2"])],
            [new PlaceDecisionTask("MN-2", "Perspektive 50plus", "pr-1", "K-1234", "Jonas Becker")])));
        var buttons = json["body"]!.AsArray()
            .SelectMany(e => e!["items"]?.AsArray() ?? [])
            .Where(e => (string?)e!["type"] == "ActionSet")
            .Select(e => e!["actions"]![0]!)
            .ToList();

        Assert.Equal(MyTasksCard.MaxPerSection + 2, buttons.Count); // 5 ratings shown + weekly input + decision
        Assert.All(buttons.Take(MyTasksCard.MaxPerSection), b => Assert.Equal(CardVerbs.RatingOpen, (string?)b["verb"]));
        Assert.Equal("bw-1", (string?)buttons[0]["data"]![CardVerbs.RatingIdKey]);
        var weekly = buttons[MyTasksCard.MaxPerSection];
        Assert.Equal(CardVerbs.DigestInputEdit, (string?)weekly["verb"]);
        Assert.Equal("2025-W38", (string?)weekly["data"]![CardVerbs.DigestWeekKey]);
        Assert.Equal(["MN-1", "MN-2"], weekly["data"]![CardVerbs.DigestMeasuresKey]!.AsArray().Select(n => (string?)n));
        var decision = buttons[^1];
        Assert.Equal(CardVerbs.PlaceRequestDecisionRefresh, (string?)decision["verb"]);
        Assert.Equal("pr-1", (string?)decision["data"]![CardVerbs.PlaceRequestIdKey]);
        Assert.Equal("MN-2", (string?)decision["data"]![CardVerbs.MeasureNumberKey]);
        Assert.Contains(CardTexts.MyTasks.More(2), json.ToJsonString(new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Null(json["actions"]);
    }

    [Fact]
    public void My_tasks_card_with_only_after_end_tasks_lists_them_with_due_date_and_overdue_mark()
    {
        var json = Json(MyTasksCard.Build(new MyTasksCardData("Erika", [], [], [], AfterEnd:
        [
            new AfterEndTaskItem("MN-1", "Aktivcenter Jugend", "Abschlussbericht des Trägers prüfen", new DateOnly(2025, 9, 12), Overdue: true),
            new AfterEndTaskItem("MN-2", "Perspektive 50plus", "Eingliederungserfolg erfassen", new DateOnly(2025, 10, 1), Overdue: false),
        ])));
        var texts = json["body"]!.AsArray().SelectMany(e => e!["items"] is System.Text.Json.Nodes.JsonArray items
            ? items.Select(i => (string?)i!["text"]) : [(string?)e["text"]]).ToList();

        Assert.DoesNotContain(CardTexts.MyTasks.Nothing, texts);
        var heading = texts.IndexOf(CardTexts.MyTasks.AfterEndHeading);
        Assert.Equal(["Abschlussbericht des Trägers prüfen · Maßnahme MN-1", "Aktivcenter Jugend · überfällig, Frist war der 12.09.2025",
            "Eingliederungserfolg erfassen · Maßnahme MN-2", "Perspektive 50plus · fällig am 01.10.2025"], texts.Skip(heading + 1));
        Assert.DoesNotContain("ActionSet", json.ToJsonString());
    }

    [Fact]
    public void My_tasks_card_without_tasks_says_so_and_has_no_buttons()
    {
        var json = Json(MyTasksCard.Build(new MyTasksCardData(null, [], [], [])));
        Assert.Equal(CardTexts.MyTasks.Nothing, (string?)json["body"]![1]!["text"]);
        Assert.DoesNotContain("ActionSet", json.ToJsonString());
    }

    [Fact]
    public void An_empty_ActionSet_is_refused()
    {
        var e = Assert.Throws<CardValidationException>(() => AdaptiveCard.Create().Add(new ActionSet([])).Build());
        Assert.Contains("ActionSet", e.Message);
    }

    [Fact]
    public void Ping_result_shows_user_and_time_for_the_client_to_format()
    {
        var text = PingResultCard.Build(new PingResultCardData("Erika Mustermann",
            new DateTimeOffset(2025, 9, 15, 14, 30, 0, TimeSpan.FromHours(2)))).ToJson();
        Assert.Contains("Verbindung steht", text);
        Assert.Contains("Erika Mustermann", text);
        Assert.Contains("{{DATE(2025-09-15T12:30:00Z, COMPACT)}}, {{TIME(2025-09-15T12:30:00Z)}} Uhr", text);
    }

    [Fact]
    public void Error_card_retry_is_optional()
    {
        var without = Json(ErrorCard.Build(new ErrorCardData()));
        Assert.Null(without["actions"]);
        Assert.Contains(CardTexts.Error.DefaultMessage, without.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var with = Json(ErrorCard.Build(new ErrorCardData("Fehler.", RetryVerb: "ping")));
        Assert.Equal("ping", (string?)with["actions"]![0]!["verb"]);
        Assert.Equal(CardTexts.Common.Retry, (string?)with["actions"]![0]!["title"]);
    }

    [Theory]
    [InlineData(12, 9, "good", "3")]
    [InlineData(12, 12, "attention", null)]
    [InlineData(12, 14, "attention", null)]
    public void Measure_summary_highlights_free_places(int capacity, int occupancy, string style, string? bigNumber)
    {
        var data = new MeasureSummaryData("MN-1", "Titel", "DIA-AM", "Träger GmbH", "Ort", capacity, occupancy, null, null);
        var json = Json(MeasureSummaryCard.Build(data));
        var highlight = json["body"]![2]!;
        Assert.Equal("Container", (string?)highlight["type"]);
        Assert.Equal(style, (string?)highlight["style"]);
        if (bigNumber is not null)
            Assert.Equal(bigNumber, (string?)highlight["items"]![0]!["columns"]![0]!["items"]![0]!["text"]);
        var facts = json["body"]![3]!["facts"]!.AsArray().ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(Math.Max(0, capacity - occupancy).ToString(), facts[CardTexts.Measure.FreePlaces]);
        Assert.Equal(CardTexts.Common.NotSet, facts[CardTexts.Measure.NextEntry]);
        Assert.Equal(CardTexts.Common.NotSet, facts[CardTexts.Measure.Betreuer]);
    }

    [Fact]
    public void Every_sample_card_builds()
    {
        foreach (var (name, build) in CardSamples.All)
            Assert.NotNull(build());
    }
}
