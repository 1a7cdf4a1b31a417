using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Seeding;

namespace TeamsAmdl.Functions.Tests.Digest;

public static class DigestTestSupport
{
    public const string ChannelId = "19:massnahmeinfo@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static T Service<T>(this AppFactory app) where T : notnull => app.Services.GetRequiredService<T>();

    public static async Task<JsonObject> WeekAsync(this AppFactory app, string user, string week, string query = "")
    {
        var res = await app.ClientAs(user).GetAsync($"/api/digest/weeks/{week}{query}");
        Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static JsonObject Measure(JsonObject week, string number) =>
        week["measures"]!.AsArray().Single(m => (string?)m!["number"] == number)!.AsObject();

    /// <summary>The bot was added to a team: Teams sends installationUpdate in the team's General channel.</summary>
    public static async Task InstallInChannelAsync(this AppFactory app, string channelId = ChannelId, string channelName = "Maßnahmeinfo")
    {
        var proactive = app.Service<Proactive>();
        await proactive.InitializeAsync(CancellationToken.None);
        var activity = new Activity
        {
            Type = ActivityTypes.InstallationUpdate, Action = "add", ServiceUrl = ServiceUrl, ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:koord", AadObjectId = DemoData.Staff.Single(s => s.Id == "koord-weber").AadObjectId, Name = "Julia Weber" },
            Recipient = new ChannelAccount { Id = "28:" + DevBotDefaults.AppId, Name = "TeamsAmdl" },
            Conversation = new ConversationAccount { Id = channelId, ConversationType = "channel", TenantId = proactive.TenantId, IsGroup = true },
            ChannelData = JsonSerializer.SerializeToElement(new
            {
                tenant = new { id = proactive.TenantId },
                team = new { id = channelId, name = "Koordination Musterstadt", aadGroupId = "6f0c1a2b-0000-4000-8000-00000000c0de" },
                channel = new { id = channelId, name = channelName },
            }),
        };
        await proactive.References.RecordAsync(activity);
    }

    /// <summary>
    /// Delivers the outbox: runs the worker here and waits until every message is final (the dev host's queue trigger may
    /// hold some of them, so an empty queue alone does not mean they were sent).
    /// </summary>
    public static async Task DrainOutboxAsync(this AppFactory app)
    {
        var worker = app.Service<OutboxWorker>();
        var outbox = app.Service<Proactive>().Outbox;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var received = await worker.RunOnceAsync();
            var open = (await outbox.ListAsync()).Where(e => e.Status is OutboxStatus.Pending or OutboxStatus.Sending).ToList();
            if (received == 0 && open.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{open.Count} outbox message(s) still not delivered: " + string.Join("; ", open.Select(e =>
                    $"{e.MessageKey} {e.Status} attempts {e.Attempts} lease {e.LeaseUntil:O} last attempt {e.LastAttemptAt:O} error {e.LastErrorCode} (app time {app.Time.GetUtcNow():O})")));
            if (received == 0) await Task.Delay(50);
        }
    }

    /// <summary>
    /// Publishes as the tab does: the request answers 202 with the publication's id at once; then follows its progress
    /// (GET api/digest/publications/{id}) until the job and every message and document are final. Returns the last progress.
    /// </summary>
    public static async Task<JsonObject> PublishAndWaitAsync(this AppFactory app, HttpClient client, string week, object request)
    {
        var res = await client.PostAsJsonAsync($"/api/digest/weeks/{week}/publish", request);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)res.StatusCode} {body}");
        var accepted = JsonNode.Parse(body)!.AsObject();
        var progress = await app.WaitForPublicationAsync(client, (string)accepted["id"]!);
        progress["repeated"] = (bool)accepted["repeated"]!;
        return progress;
    }

    /// <summary>Polls the progress of a publication until it is finished (60 s at most).</summary>
    public static async Task<JsonObject> WaitForPublicationAsync(this AppFactory app, HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var progress = (await client.GetFromJsonAsync<JsonObject>($"/api/digest/publications/{id}"))!;
            if ((bool)progress["finished"]!) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("publication not finished: " + progress.ToJsonString());
            await Task.Delay(100);
        }
    }

    /// <summary>What the dev connector stored for a user (AAD object id) or a conversation ("conversation:{id}").</summary>
    public static async Task<IReadOnlyList<JsonObject>> InboxAsync(this AppFactory app, string key, int max = 500) =>
        (await app.Service<DevInboxStore>().ListAsync(key, max, CancellationToken.None)).Select(r => r.ReadActivity()).ToList();

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON text with umlauts and dashes as they are (for substring checks).</summary>
    public static string Text(this JsonNode node) => node.ToJsonString(Relaxed);

    public static string Aad(string staffId) => DemoData.Staff.Single(s => s.Id == staffId).AadObjectId!;
}
