using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Cards.Tests.Rendering;

/// <summary>
/// Issue 17: every card that can be in a mail — sent (request, reminder) or put in place of the mail's card by an
/// answer (pages, summary, submitted, closed, error) — rendered as Outlook renders Actionable Messages: the designer's
/// Outlook container (outlook-desktop.json host config, target 1.4, no Action.Submit), after
/// <see cref="OutlookCards.ForOutlook"/>. Screenshots: artifacts/cards/outlook-{name}.png.
/// </summary>
[Collection(CardSamplesCollection.Name)]
public sealed class OutlookRenderingTests(CardRenderer renderer, ITestOutputHelper output) : IClassFixture<CardRenderer>
{
    public const string Originator = "5a7c2e90-3b1d-4f6a-9e8c-0d1f2a3b4c5d";

    /// <summary>The golden samples of every mailable card.</summary>
    public static readonly string[] Mailable =
    [
        "rating-request", "rating-reminder", "rating-page", "rating-page-error", "rating-summary", "rating-summary-auffaellig",
        "rating-submitted", "rating-closed", "error",
    ];

    public static TheoryData<string> MailableSamples => new(Mailable);

    [Theory]
    [MemberData(nameof(MailableSamples))]
    public async Task Mailable_card_renders_without_problems_in_the_Outlook_host(string name)
    {
        var teams = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "cards", "samples", name + ".json")))!.AsObject();
        var outlook = OutlookCards.ForOutlook(teams, Originator);

        var result = await renderer.RenderAsync(outlook.ToJsonString(), screenshotName: "outlook-" + name, profile: "outlook");
        output.WriteLine($"{name}: height {result.Height:0} px, screenshot {result.ScreenshotPath}");

        Assert.True(result.Problems.Count == 0, $"{name}:\n  " + string.Join("\n  ", result.Problems));
        Assert.True(result.Rendered);
        Assert.True(result.Height > 0);
        Assert.True(File.Exists(result.ScreenshotPath));
        Assert.Equal((Originator, "1.4"), ((string?)outlook["originator"], (string?)outlook["version"]));
        // Same verbs as in Teams, each carrying the originator; nothing Outlook does not know.
        Assert.Equal(Verbs(teams), Verbs(outlook));
        Assert.All(Nodes(outlook).Where(o => (string?)o["type"] == "Action.Execute"), a => Assert.Equal(Originator, (string?)a["data"]?["originator"]));
        Assert.DoesNotContain(Nodes(outlook), o => (string?)o["type"] is "Action.Submit" or "Table");
    }

    /// <summary>The check has teeth: the Teams form of a card (1.5, tables, Action.Submit fallbacks) is refused by the Outlook profile.</summary>
    [Fact]
    public async Task The_Teams_form_of_the_summary_is_reported_in_the_Outlook_host()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "cards", "samples", "rating-summary.json"));
        var result = await renderer.RenderAsync(json, profile: "outlook");
        Assert.Contains(result.Problems, p => p is { Stage: "version", Event: "UnsupportedCardVersion" });
        Assert.Contains(result.Problems, p => p.Stage == "parse" && p.Message.Contains("Table", StringComparison.Ordinal));
        var submit = await renderer.RenderAsync("""
            {"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"Hallo","wrap":true}],
             "actions":[{"type":"Action.Submit","title":"Senden"}]}
            """, profile: "outlook");
        Assert.Contains(submit.Problems, p => p.Stage == "parse" && p.Message.Contains("Action.Submit", StringComparison.Ordinal));
    }

    private static List<string> Verbs(JsonObject card) =>
        Nodes(card).Where(o => (string?)o["type"] == "Action.Execute").Select(o => (string)o["verb"]!).ToList();

    private static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o) foreach (var n in Nodes(child)) yield return n;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var n in Nodes(child)) yield return n;
                break;
        }
    }
}
