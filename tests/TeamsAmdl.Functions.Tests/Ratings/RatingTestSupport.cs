using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Seeding;
using TeamsAmdl.Functions.Tests.Bot;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>Driving the rating flow in tests: the coordinators' API, invokes over /api/messages, outbox delivery, the dev inbox.</summary>
public static class RatingTestSupport
{
    public const string Coordinator = "koord-weber";

    public static T Service<T>(this WebApplicationFactory<TeamsAmdl.DevHost.Program> app) where T : notnull => app.Services.GetRequiredService<T>();

    public static string Aad(string staffId) => DemoData.Staff.Single(s => s.Id == staffId).AadObjectId!;

    /// <summary>POST /api/ratings/requests as the coordinator; returns status and body.</summary>
    public static async Task<(int Status, JsonObject Body)> CreateRequestAsync(this AppFactory app, string measure, string[] assessors,
        string kind = "WaehrendDerMassnahme", string? idempotencyKey = null, string as_ = Coordinator)
    {
        using var client = app.ClientAs(as_);
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/ratings/requests")
        {
            Content = JsonContent.Create(new { measureNumber = measure, kind, assessorIds = assessors }),
        };
        if (idempotencyKey is not null) req.Headers.Add("Idempotency-Key", idempotencyKey);
        var res = await client.SendAsync(req);
        return ((int)res.StatusCode, (await res.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    /// <summary>An adaptiveCard/action invoke over /api/messages (signed token); returns the invoke response body.</summary>
    public static async Task<JsonObject> InvokeAsync(this BotAppFactory app, string staffId, string verb, JsonObject data, string? activityId = null)
    {
        var res = await app.PostAsync(TestActivities.Invoke(staffId, verb, data, activityId));
        Assert.Equal(System.Net.HttpStatusCode.OK, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The card of an invoke response (fails with the error message otherwise).</summary>
    public static JsonObject Card(JsonObject invokeResponse)
    {
        Assert.True((int?)invokeResponse["statusCode"] == 200 && (string?)invokeResponse["type"] == "application/vnd.microsoft.card.adaptive",
            "expected a card, got " + invokeResponse.ToJsonString());
        return invokeResponse["value"]!.AsObject();
    }

    /// <summary>The error (code, message) of an invoke response.</summary>
    public static (string Code, string Message) Error(JsonObject invokeResponse)
    {
        Assert.Equal(400, (int?)invokeResponse["statusCode"]);
        Assert.Equal(InvokeResponses.ErrorType, (string?)invokeResponse["type"]);
        return ((string)invokeResponse["value"]!["code"]!, (string)invokeResponse["value"]!["message"]!);
    }

    /// <summary>Data of the card's Action.Execute with this verb (and title), including the stamped requestId.</summary>
    public static JsonObject ActionData(JsonObject card, string verb, string? title = null)
    {
        var action = Walk(card).OfType<JsonObject>().FirstOrDefault(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb
            && (title is null || (string?)o["title"] == title));
        Assert.True(action is not null, $"no Action.Execute '{verb}' in card:\n{card.ToJsonString()}");
        return action!["data"]!.DeepClone().AsObject();
    }

    public static bool HasAction(JsonObject card, string verb) =>
        Walk(card).OfType<JsonObject>().Any(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb);

    /// <summary>Ids of all inputs of the card.</summary>
    public static IReadOnlyList<string> InputIds(JsonObject card) => Walk(card).OfType<JsonObject>()
        .Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(o => (string)o["id"]!).ToList();

    public static string Text(JsonObject card) => card.ToJsonString(Relaxed);

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o) foreach (var n in Walk(child)) yield return n;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var n in Walk(child)) yield return n;
                break;
        }
    }

    /// <summary>Runs the outbox worker until every given message key is Sent (the dev host's queue trigger may take some of them).</summary>
    public static async Task DeliverAsync(this AppFactory app, params string[] keys)
    {
        var outbox = app.Service<Proactive>().Outbox;
        var worker = app.Service<OutboxWorker>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            var pending = new List<string>();
            foreach (var k in keys)
                if ((await outbox.GetAsync(k))?.Status != OutboxStatus.Sent) pending.Add(k);
            if (pending.Count == 0) return;
            if (DateTime.UtcNow > deadline) Assert.Fail("not delivered: " + string.Join(", ", pending));
            await Task.Delay(100);
        }
    }

    /// <summary>Cards in the dev inbox of a user, newest first.</summary>
    public static async Task<IReadOnlyList<JsonObject>> InboxCardsAsync(this AppFactory app, string staffId)
    {
        var rows = await app.Service<DevInboxStore>().ListAsync(Aad(staffId), 100, CancellationToken.None);
        return rows.Select(r => r.ReadActivity()["attachments"]?[0]?["content"]?.AsObject()).OfType<JsonObject>().Select(c => c.DeepClone().AsObject()).ToList();
    }

    /// <summary>Data for a page save: the card's action data plus answers (q_) and comments (c_).</summary>
    public static JsonObject PageData(JsonObject card, IReadOnlyDictionary<string, string?> answers, IReadOnlyDictionary<string, string>? comments = null)
    {
        var data = ActionData(card, Cards.CardVerbs.RatingSavePage);
        foreach (var (q, v) in answers) data["q_" + q] = v;
        foreach (var (q, c) in comments ?? new Dictionary<string, string>()) data["c_" + q] = c;
        return data;
    }

    /// <summary>The same data as a new click on the same card (a fresh requestId: not a redelivery of the earlier click).</summary>
    public static JsonObject NewClick(JsonObject data)
    {
        var copy = data.DeepClone().AsObject();
        copy["requestId"] = Guid.NewGuid().ToString("N");
        return copy;
    }

    /// <summary>Answers for the shipped template: Hard h1..h7 and Soft s1..s8.</summary>
    public static Dictionary<string, string?> Answers(string prefix, params int[] values) =>
        values.Select((v, i) => (Key: $"{prefix}{i + 1}", Value: (string?)v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Key, x => x.Value);

    /// <summary>The text of a PDF record (e.g. a Bewertungsbogen) as pdftotext reads it, whitespace collapsed.</summary>
    public static string PdfText(byte[] pdf) => TeamsAmdl.TestSupport.PdfTools.Normalize(TeamsAmdl.TestSupport.PdfTools.Text(pdf));

    /// <summary>The queued Bewertungsbogen of a filing job, from the filing outbox's content-addressed container.</summary>
    public static async Task<byte[]> FiledDocumentAsync(this AppFactory app, string contentHash)
    {
        var config = app.Service<Microsoft.Extensions.Configuration.IConfiguration>();
        var container = app.Service<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(StorageSetup.Prefixed(config, TeamsAmdl.Filing.FilingOutbox.DefaultContainerName));
        return (await container.GetBlobClient("sha256/" + contentHash).DownloadContentAsync()).Value.Content.ToArray();
    }

    public static async Task<RatingSnapshot> SnapshotAsync(this AppFactory app, string ratingId) =>
        (await app.Service<RatingStore>().LoadAsync(ratingId, CancellationToken.None))!;
}
