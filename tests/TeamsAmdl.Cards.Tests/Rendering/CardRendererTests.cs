using System.Diagnostics;
using TeamsAmdl.Cards;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Cards.Tests.Rendering;

/// <summary>
/// Renders every golden sample with the official Adaptive Cards renderer and the Teams light host config in
/// headless Chromium (cards/render/harness.html) and fails on any parse/validation problem, a version above 1.5,
/// or an empty render. Screenshots: artifacts/cards/{name}.png. The negative tests prove the harness sees problems.
/// </summary>
[Collection(CardSamplesCollection.Name)]
public sealed class CardRendererTests(CardRenderer renderer, ITestOutputHelper output) : IClassFixture<CardRenderer>
{
    public static TheoryData<string> SampleFiles =>
        new(Directory.GetFiles(Path.Combine(RepoRoot.Find(), "cards", "samples"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Sample_renders_without_problems_in_the_Teams_light_host(string name)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "cards", "samples", name + ".json"));
        var sw = Stopwatch.StartNew();
        var result = await renderer.RenderAsync(json, screenshotName: name);
        output.WriteLine($"{name}: {sw.ElapsedMilliseconds} ms, height {result.Height:0} px, screenshot {result.ScreenshotPath}");

        Assert.True(result.Problems.Count == 0, $"{name}:\n  " + string.Join("\n  ", result.Problems));
        Assert.True(result.Rendered);
        Assert.True(result.Height > 0);
        Assert.True(File.Exists(result.ScreenshotPath));
    }

    /// <summary>Every element, input and action type the builders offer is accepted by the official renderer.</summary>
    [Fact]
    public async Task Card_with_every_element_type_renders_without_problems()
    {
        var card = AllElementsCard();
        var result = await renderer.RenderAsync(card.ToJson(), screenshotName: "_all-elements");
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.True(result.Height > 0);
    }

    /// <summary>"meine aufgaben" with every section full: the buttons inside the body render in the Teams host.</summary>
    [Fact]
    public async Task My_tasks_card_with_full_sections_renders_without_problems()
    {
        var ratings = Enumerable.Range(1, MyTasksCard.MaxPerSection + 3)
            .Select(i => new OpenRatingTask($"bw-{i}", $"MN-2025-00{i:00}", "Bildungswerk Nord gGmbH", new DateOnly(2025, 10, i), i, 18)).ToList();
        var decisions = Enumerable.Range(1, 3)
            .Select(i => new PlaceDecisionTask($"MN-2025-01{i:00}", "Aktivierung und berufliche Eingliederung – Perspektive 50plus", $"pr-{i}", $"K-7F3A-{i:0000}", "Jonas Becker"))
            .ToList();
        var card = MyTasksCard.Build(new MyTasksCardData("Erika Mustermann", ratings,
            [new WeeklyInputTask("2025-W38", "KW 38/2025", ["MN-2025-0042", "MN-2025-0077"])], decisions));

        var result = await renderer.RenderAsync(card.ToJson(), screenshotName: "_my-tasks-full");

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.True(result.Rendered);
        Assert.True(result.Height > 0);
    }

    [Fact]
    public async Task Unknown_element_type_is_reported()
    {
        var result = await renderer.RenderAsync("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"Hallo","wrap":true},
              {"type":"Diagramm","title":"gibt es nicht"}]}
            """);
        Assert.Contains(result.Problems, p => p is { Stage: "parse", Event: "UnknownElementType" } && p.Message.Contains("Diagramm"));
    }

    [Fact]
    public async Task Duplicate_input_ids_are_reported()
    {
        var result = await renderer.RenderAsync("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"Input.Text","id":"kommentar","label":"Kommentar"},
              {"type":"Input.Number","id":"kommentar","label":"Anzahl"}]}
            """);
        Assert.Contains(result.Problems, p => p is { Stage: "validation", Event: "DuplicateId" } && p.Message.Contains("kommentar"));
    }

    [Fact]
    public async Task Version_above_1_5_is_reported()
    {
        var result = await renderer.RenderAsync("""
            {"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"Hallo","wrap":true}]}
            """);
        Assert.Contains(result.Problems, p => p is { Stage: "version", Event: "UnsupportedCardVersion" });
        Assert.Contains(result.Problems, p => p is { Stage: "validation", Event: "UnsupportedCardVersion" });
    }

    [Fact]
    public async Task Invalid_property_value_and_required_input_without_label_are_reported()
    {
        var result = await renderer.RenderAsync("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"Hallo","size":"riesig"},
              {"type":"Input.Text","id":"name","isRequired":true}]}
            """);
        Assert.Contains(result.Problems, p => p is { Stage: "parse", Event: "InvalidPropertyValue" } && p.Message.Contains("riesig"));
        Assert.Contains(result.Problems, p => p is { Stage: "validation", Event: "RequiredInputsShouldHaveLabel" });
    }

    internal static AdaptiveCard AllElementsCard()
    {
        var showCard = AdaptiveCard.Create()
            .Add(new TextInput("note") { Label = "Notiz", IsMultiline = true, MaxLength = 500, Placeholder = "Ihre Notiz" })
            .AddAction(new ExecuteAction("saveNote", "Speichern") { AssociatedInputs = AssociatedInputs.Auto, Style = ActionStyle.Positive })
            .Build();

        return AdaptiveCard.Create()
            .FullWidth()
            .WithFallbackText("Alle Elemente")
            .WithRefresh(Refresh.ForUsers(CardVerbs.MeasureRefresh, ["29:1a2b3c"],
                new Dictionary<string, object?> { [CardVerbs.MeasureNumberKey] = "MN-1" }))
            .Add(
                TextBlock.Heading("Alle Elemente"),
                TextBlock.Subtle("Untertitel") with { Separator = true, HorizontalAlignment = HorizontalAlignment.Right, MaxLines = 2 },
                new Image("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
                    { AltText = "Punkt", Size = ImageSize.Small, Style = ImageStyle.Person },
                new FactSet([new Fact("Träger", "Bildungswerk"), new Fact("Ort", "Hamburg")]),
                new ColumnSet(
                [
                    Column.Auto(new TextBlock("3") { Size = TextSize.ExtraLarge, Color = TextColor.Good }),
                    new Column([new TextBlock("freie Plätze")]) { Width = ColumnWidth.Weight(2), VerticalContentAlignment = VerticalAlignment.Center },
                    new Column([new TextBlock("fix")]) { Width = ColumnWidth.Pixels(60), Id = "fixedColumn", Style = ContainerStyle.Accent },
                ]) { Style = ContainerStyle.Emphasis },
                new ColumnSet(
                [
                    Column.Stretch(new TextBlock("links")),
                    Column.Auto(new TextBlock("rechts")) with { Separator = true, Spacing = Spacing.Medium },
                ]) { Style = ContainerStyle.Emphasis },
                new Container([new TextBlock("Hinweis") { Color = TextColor.Warning }])
                    { Style = ContainerStyle.Warning, Id = "hint", Bleed = true, Spacing = Spacing.Large },
                new Table(
                    [TableColumn.Weighted(2), TableColumn.Weighted(), new TableColumn(ColumnWidth.Pixels(80))],
                    [
                        TableRow.OfTexts(bold: true, "Maßnahme", "Plätze", "Frei"),
                        TableRow.OfTexts("Perspektive 50plus", "12", "3"),
                        new TableRow([TableCell.OfText("DIA-AM"), TableCell.OfText("20")]) { Style = ContainerStyle.Accent },
                    ]) { FirstRowAsHeader = true, ShowGridLines = true, GridStyle = ContainerStyle.Accent },
                new TextInput("email") { Label = "E-Mail", Style = TextInputStyle.Email, Regex = "^[^@]+@[^@]+$", IsRequired = true, ErrorMessage = "Bitte E-Mail angeben." },
                new NumberInput("places") { Label = "Plätze", Min = 0, Max = 99, Value = 3 },
                new ChoiceSetInput("kind", [new Choice("Einkaufsmaßnahme", "einkauf"), new Choice("DIA-AM", "diaam")])
                    { Label = "Art", Style = ChoiceInputStyle.Expanded, Value = "diaam", IsRequired = true, ErrorMessage = "Bitte Art wählen." },
                new ChoiceSetInput("tags", [new Choice("A", "a"), new Choice("B", "b")]) { Label = "Merkmale", IsMultiSelect = true, Value = "a,b" },
                new ChoiceSetInput("traeger", [new Choice("Bildungswerk Nord", "bwn"), new Choice("Lernwerk Süd", "lws")])
                    { Label = "Träger", Style = ChoiceInputStyle.Filtered, Placeholder = "Träger suchen" },
                new ToggleInput("consent", "Ich stimme zu") { Value = "false", ValueOn = "ja", ValueOff = "nein" },
                new DateInput("entry") { Label = "Einstieg", Min = new DateOnly(2025, 1, 1), Max = new DateOnly(2025, 12, 31), Value = new DateOnly(2025, 10, 1) },
                new ActionSet([new ExecuteAction(CardVerbs.MeasureRefresh, "Im Text") { AssociatedInputs = AssociatedInputs.None }]) { Spacing = Spacing.Small })
            .AddAction(
                new ExecuteAction(CardVerbs.Ping, "Senden") { Data = new Dictionary<string, object?> { ["source"] = "test" }, Id = "send" },
                new SubmitAction("Alt senden") { Data = new Dictionary<string, object?> { ["verb"] = "legacy" } },
                new OpenUrlAction("Öffnen", "https://teams.microsoft.com/l/chat/0/0?users=someone@example.org"),
                new ShowCardAction("Notiz", showCard))
            .Build();
    }
}
