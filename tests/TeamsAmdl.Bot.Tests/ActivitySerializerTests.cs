using System.Text;
using System.Text.Json;

namespace TeamsAmdl.Bot.Tests;

public sealed class ActivitySerializerTests
{
    private const string TeamsMessage = """
        {
          "text": "<at>AMDL</at> Hallo",
          "textFormat": "plain",
          "type": "message",
          "timestamp": "2026-03-02T09:30:00.123Z",
          "localTimestamp": "2026-03-02T10:30:00.123+01:00",
          "localTimezone": "Europe/Berlin",
          "id": "1772443800123",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1abc", "name": "Erika Mustermann", "aadObjectId": "aad-erika" },
          "conversation": { "conversationType": "personal", "tenantId": "tenant-a", "id": "a:1xyz" },
          "recipient": { "id": "28:bot", "name": "AMDL" },
          "entities": [ { "type": "mention", "text": "<at>AMDL</at>", "mentioned": { "id": "28:bot" } } ],
          "attachments": [ { "contentType": "text/html", "content": "<p>Hallo</p>" } ],
          "channelData": { "tenant": { "id": "tenant-a" } },
          "locale": "de-DE"
        }
        """;

    private static string Error(string json)
    {
        Assert.False(ActivitySerializer.TryParse(json, out var activity, out var error));
        Assert.Null(activity);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error;
    }

    [Fact]
    public void Teams_message_is_parsed()
    {
        Assert.True(ActivitySerializer.TryParse(TeamsMessage, out var activity, out var error), error);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", activity.ServiceUrl);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("aad-erika", activity.From!.AadObjectId);
        Assert.Equal("tenant-a", activity.Conversation!.TenantId);
        Assert.Equal("personal", activity.Conversation.ConversationType);
        Assert.Equal("mention", activity.Entities![0].Type);
        Assert.Equal("<p>Hallo</p>", ((JsonElement)activity.Attachments![0].Content!).GetString());
        Assert.Equal("tenant-a", activity.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("Europe/Berlin", activity.Properties!["localTimezone"].GetString());
    }

    [Fact]
    public void Unknown_properties_survive_a_round_trip_and_nulls_are_omitted()
    {
        Assert.True(ActivitySerializer.TryParse(TeamsMessage, out var activity, out _));

        var json = JsonDocument.Parse(ActivitySerializer.Serialize(activity)).RootElement;

        Assert.Equal("Europe/Berlin", json.GetProperty("localTimezone").GetString());
        Assert.Equal("28:bot", json.GetProperty("entities")[0].GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("a:1xyz", json.GetProperty("conversation").GetProperty("id").GetString());
        Assert.False(json.TryGetProperty("value", out _));
        Assert.False(json.TryGetProperty("replyToId", out _));
        Assert.False(json.GetProperty("from").TryGetProperty("role", out _));
    }

    [Fact]
    public void Invoke_with_value_and_members_added_is_parsed()
    {
        const string json = """
            {"type":"invoke","name":"adaptiveCard/action","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
             "conversation":{"id":"a:1","isGroup":false},"value":{"action":{"verb":"zuweisen","data":{"platz":3}}},
             "membersAdded":[{"id":"29:u"}],"action":"add","replyToId":"r1"}
            """;

        Assert.True(ActivitySerializer.TryParse(json, out var activity, out var error), error);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("zuweisen", activity.Value!.Value.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("29:u", activity.MembersAdded![0].Id);
        Assert.False(activity.Conversation!.IsGroup);
        Assert.Equal("add", activity.Action);
        Assert.Equal("r1", activity.ReplyToId);
    }

    [Fact]
    public void Outbound_attachment_content_is_serialized_by_runtime_type()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new { type = "AdaptiveCard", version = "1.5" } }],
        };

        var json = JsonDocument.Parse(ActivitySerializer.Serialize(activity)).RootElement;

        Assert.Equal("AdaptiveCard", json.GetProperty("attachments")[0].GetProperty("content").GetProperty("type").GetString());
        Assert.Equal(["type", "attachments"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void CreateReply_swaps_from_and_recipient()
    {
        Assert.True(ActivitySerializer.TryParse(TeamsMessage, out var activity, out _));

        var reply = activity.CreateReply("Danke");

        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:1abc", reply.Recipient!.Id);
        Assert.Equal("1772443800123", reply.ReplyToId);
        Assert.Equal(activity.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("a:1xyz", reply.Conversation!.Id);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",", "Ungültiges JSON")]
    [InlineData("{\"type\":\"message\" \"id\":1}", "Ungültiges JSON")]
    [InlineData("{'type':'message'}", "Ungültiges JSON")]
    [InlineData("not json", "Ungültiges JSON")]
    [InlineData("", "leer")]
    [InlineData("   ", "leer")]
    [InlineData("null", "JSON-Objekt")]
    [InlineData("[]", "JSON-Objekt")]
    [InlineData("\"message\"", "JSON-Objekt")]
    public void Malformed_json_is_rejected(string json, string expected) =>
        Assert.Contains(expected, Error(json));

    [Fact]
    public void Malformed_json_error_names_the_position() =>
        Assert.Contains("Zeile 2", Error("{\"type\":\"message\",\n  \"id\": }"));

    [Theory]
    [InlineData("""{"type":5}""", "$.type")]
    [InlineData("""{"type":"message","timestamp":"gestern"}""", "$.timestamp")]
    [InlineData("""{"type":"message","conversation":"a:1"}""", "$.conversation")]
    [InlineData("""{"type":"message","membersAdded":{"id":"x"}}""", "$.membersAdded")]
    public void Wrongly_typed_fields_are_rejected_with_their_path(string json, string path) =>
        Assert.Contains($"'{path}'", Error(json));

    [Theory]
    [InlineData("""{"id":"1"}""", "'type'")]
    [InlineData("""{"type":"  "}""", "'type'")]
    [InlineData("""{"type":null,"serviceUrl":"https://x/"}""", "'type'")]
    public void Missing_type_is_rejected(string json, string expected) =>
        Assert.Contains(expected, Error(json));

    [Theory]
    [InlineData("message", """{"channelId":"msteams","conversation":{"id":"a:1"}}""", "'serviceUrl' fehlt")]
    [InlineData("invoke", """{"serviceUrl":"https://s/","conversation":{"id":"a:1"}}""", "'channelId' fehlt")]
    [InlineData("conversationUpdate", """{"serviceUrl":"https://s/","channelId":"msteams"}""", "'conversation' fehlt")]
    [InlineData("installationUpdate", """{"serviceUrl":"https://s/","channelId":"msteams","conversation":{"name":"x"}}""", "'conversation.id' fehlt")]
    [InlineData("message", """{"serviceUrl":"smba.trafficmanager.net","channelId":"msteams","conversation":{"id":"a:1"}}""", "keine absolute")]
    [InlineData("typing", """{"serviceUrl":"ftp://s/","channelId":"msteams","conversation":{"id":"a:1"}}""", "keine absolute")]
    public void Routing_fields_are_required(string type, string fields, string expected)
    {
        var json = fields.Insert(1, $"\"type\":\"{type}\",");

        var error = Error(json);

        Assert.Contains(expected, error);
        Assert.Contains(type, error);
    }

    [Fact]
    public void Invoke_response_needs_no_routing_fields()
    {
        Assert.True(ActivitySerializer.TryParse("""{"type":"invokeResponse","value":{"status":200}}""", out var activity, out var error), error);
        Assert.Equal(ActivityTypes.InvokeResponse, activity.Type);
    }

    [Fact]
    public void Stream_overload_parses_and_rejects()
    {
        Assert.True(ActivitySerializer.TryParse(new MemoryStream(Encoding.UTF8.GetBytes(TeamsMessage)), out var activity, out var error), error);
        Assert.Equal("msteams", activity.ChannelId);

        Assert.False(ActivitySerializer.TryParse(new MemoryStream(Encoding.UTF8.GetBytes("{\"type\":")), out _, out error));
        Assert.Contains("Ungültiges JSON", error);
        Assert.False(ActivitySerializer.TryParse(new MemoryStream(), out _, out error));
        Assert.Contains("leer", error);
    }

    [Fact]
    public async Task Async_stream_overload_parses_and_rejects()
    {
        var (activity, error) = await ActivitySerializer.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(TeamsMessage)));
        Assert.Null(error);
        Assert.Equal("a:1xyz", activity!.Conversation!.Id);

        (activity, error) = await ActivitySerializer.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"type":"message"}""")));
        Assert.Null(activity);
        Assert.Contains("'serviceUrl' fehlt", error);

        (activity, error) = await ActivitySerializer.ParseAsync(new MemoryStream());
        Assert.Null(activity);
        Assert.Contains("leer", error);
    }
}
