using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Cards.Tests.Rendering;

/// <summary>
/// The outbox appends a hidden marker element to every card it sends (for reading an in-doubt delivery back from the
/// chat). A stamped card must render exactly like the card without it: no renderer problem, same height.
/// </summary>
[Collection(CardSamplesCollection.Name)]
public sealed class DeliveryMarkerRenderingTests(CardRenderer renderer) : IClassFixture<CardRenderer>
{
    [Theory]
    [InlineData("free-places-alert-bundle")]
    [InlineData("rating-page")]
    [InlineData("weekly-input")]
    [InlineData("digest")]
    public async Task A_stamped_card_renders_without_problems_and_looks_the_same(string name)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "cards", "samples", name + ".json"));
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonNode.Parse(json) }],
        };
        Assert.True(DeliveryMarker.TryStamp(activity, DeliveryMarker.For("sample:" + name), out var stamped));
        var stampedJson = JsonSerializer.Serialize(stamped.Attachments![0].Content);
        Assert.Contains(DeliveryMarker.For("sample:" + name), stampedJson);

        var plain = await renderer.RenderAsync(json);
        var marked = await renderer.RenderAsync(stampedJson, screenshotName: name + "-stamped");

        Assert.True(marked.Problems.Count == 0, string.Join("\n", marked.Problems));
        Assert.True(marked.Rendered);
        Assert.Equal(plain.Height, marked.Height);
    }
}
