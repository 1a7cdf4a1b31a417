using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsAmdl.Bot.Tests.Proactive;

public sealed class DeliveryMarkerTests
{
    private static Activity Card(string text) => OutboxHarness.CardMessage("k", "aad-1", text).Activity;

    private static JsonArray Body(Activity activity) =>
        JsonNode.Parse(JsonSerializer.Serialize(activity.Attachments![0].Content))!["body"]!.AsArray();

    [Fact]
    public void Marker_is_a_hash_of_the_key_that_names_nobody()
    {
        var marker = DeliveryMarker.For("alert:m-17:v1:00000000-0000-0000-0000-000000000007");
        Assert.Matches("^amdl-delivery-[0-9a-f]{24}$", marker);
        Assert.DoesNotContain("00000000-0000", marker);
        Assert.Equal(marker, DeliveryMarker.For("alert:m-17:v1:00000000-0000-0000-0000-000000000007"));
        Assert.NotEqual(marker, DeliveryMarker.For("alert:m-17:v1:00000000-0000-0000-0000-000000000008"));
    }

    [Fact]
    public void Stamping_appends_one_hidden_TextBlock_and_leaves_the_original_alone()
    {
        var original = Card("Neue Maßnahme");
        var marker = DeliveryMarker.For("k");

        Assert.True(DeliveryMarker.TryStamp(original, marker, out var stamped));
        Assert.True(DeliveryMarker.TryStamp(stamped, marker, out var twice));

        Assert.Single(Body(original));
        var body = Body(twice);
        Assert.Equal(2, body.Count);
        Assert.Equal("Neue Maßnahme", (string?)body[0]!["text"]);
        Assert.Equal("TextBlock", (string?)body[1]!["type"]);
        Assert.Equal(marker, (string?)body[1]!["id"]);
        Assert.False((bool)body[1]!["isVisible"]!);
        Assert.True(DeliveryMarker.IsIn(JsonSerializer.Serialize(twice.Attachments![0].Content), marker));
        Assert.False(DeliveryMarker.IsIn(JsonSerializer.Serialize(original.Attachments![0].Content), marker));
    }

    [Fact]
    public void A_card_without_body_gets_one_and_text_only_activities_are_not_stamped()
    {
        var noBody = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" } }],
        };
        Assert.True(DeliveryMarker.TryStamp(noBody, "amdl-delivery-x", out var stamped));
        Assert.Single(Body(stamped));

        var text = new Activity { Type = ActivityTypes.Message, Text = "Hallo" };
        Assert.False(DeliveryMarker.TryStamp(text, "amdl-delivery-x", out var same));
        Assert.Same(text, same);
    }

    [Fact]
    public void Every_action_carries_the_marker_in_its_data_and_only_well_formed_markers_are_read_back()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Action.Execute", ["verb"] = "placeRequest", ["data"] = new JsonObject { ["requestId"] = "r1" },
                    ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["data"] = new JsonObject { ["verb"] = "placeRequest" } },
                }),
            }),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ping" }, new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = "https://example.org" }),
        };
        var marker = DeliveryMarker.For("k");

        DeliveryMarker.StampCard(card, marker);

        var execute = card["body"]![0]!["actions"]![0]!;
        Assert.Equal(marker, (string?)execute["data"]!["amdlDelivery"]);
        Assert.Equal("r1", (string?)execute["data"]!["requestId"]);
        Assert.Equal(marker, (string?)execute["fallback"]!["data"]!["amdlDelivery"]);
        Assert.Equal(marker, (string?)card["actions"]![0]!["data"]!["amdlDelivery"]);
        Assert.Null(card["actions"]![1]!["data"]);
        Assert.Equal(marker, DeliveryMarker.FromActionData(execute["data"]!.AsObject()));
        Assert.Null(DeliveryMarker.FromActionData(new JsonObject { ["amdlDelivery"] = "amdl-delivery-<script>" }));
        Assert.Null(DeliveryMarker.FromActionData(new JsonObject { ["amdlDelivery"] = marker.ToUpperInvariant() }));
        Assert.Null(DeliveryMarker.FromActionData(new JsonObject { ["amdlDelivery"] = 42 }));
        Assert.Null(DeliveryMarker.FromActionData(null));
    }
}
