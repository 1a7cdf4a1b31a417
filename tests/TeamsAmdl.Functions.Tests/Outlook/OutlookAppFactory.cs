using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Functions.Outlook;
using TeamsAmdl.Functions.Tests.Staffing;
using TeamsAmdl.Functions.Tests.Bot;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>
/// The bot app (Development, Azurite, signed test tokens) with Outlook switched on: the Einkaufspostfach in
/// <see cref="FakeMailGraph"/> (real HTTP on 127.0.0.1), the bot accepting channel "outlook" (the test key endorsed
/// for it), no queue listeners (the tests run the mail worker themselves, so every send is counted).
/// </summary>
public sealed partial class OutlookAppFactory : BotAppFactory
{
    public const string ProviderId = "5a7c2e90-3b1d-4f6a-9e8c-0d1f2a3b4c5d";
    public const string TabUrl = "https://teams.microsoft.com/l/entity/teamsamdl/ratings";
    public const string OutlookServiceUrl = "https://outlook.botframework.com/";

    public FakeMailGraph Graph { get; } = new();

    protected override string[] Endorsements => ["msteams", "outlook"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DevHost:RunQueues", "false");
        builder.UseSetting("Bot:AllowedChannels:0", "msteams");
        builder.UseSetting("Bot:AllowedChannels:1", "outlook");
        builder.UseSetting("Outlook:Enabled", "true");
        builder.UseSetting("Outlook:Mailbox", FakeMailGraph.Mailbox);
        builder.UseSetting("Outlook:ProviderId", ProviderId);
        builder.UseSetting("Outlook:TabUrl", TabUrl);
        builder.UseSetting("Outlook:GraphBaseUrl", Graph.BaseUrl);
        builder.ConfigureServices(s => s.AddKeyedSingleton<TokenCredential>(OutlookSetup.CredentialKey, FakeEntraGraph.Credential));
    }

    /// <summary>An "adaptiveCard/action" invoke as the Outlook channel sends it for a staff member (by AAD object id).</summary>
    public async Task<JsonObject> OutlookInvokeAsync(string staffId, string verb, JsonObject data, string trigger = "manual")
    {
        var res = await PostAsync(OutlookInvoke(staffId, verb, data, trigger), Token(serviceUrl: OutlookServiceUrl));
        Assert.Equal(System.Net.HttpStatusCode.OK, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static JsonObject OutlookInvoke(string staffId, string verb, JsonObject data, string trigger = "manual")
    {
        var a = TestActivities.Invoke(staffId, verb, data);
        a["channelId"] = "outlook";
        a["serviceUrl"] = OutlookServiceUrl;
        a["from"]!["id"] = a["from"]!["aadObjectId"]!.DeepClone();
        a["conversation"] = new JsonObject { ["id"] = "outlook-conv-" + Guid.NewGuid().ToString("N")[..8], ["tenantId"] = "tenant-1" };
        a["value"]!["trigger"] = trigger;
        return a;
    }

    /// <summary>PUT api/me/notification-channel as the staff member.</summary>
    public async Task<JsonObject> ChooseChannelAsync(string staffId, string channel)
    {
        using var client = ClientAs(staffId);
        var res = await client.PutAsJsonAsync("/api/me/notification-channel", new { channel });
        Assert.Equal(System.Net.HttpStatusCode.OK, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The card inside a sent mail's HTML body (the &lt;script type="application/adaptivecard+json"&gt;).</summary>
    public static JsonObject CardOf(JsonObject sendMailBody)
    {
        var html = (string)sendMailBody["message"]!["body"]!["content"]!;
        var m = CardScript().Match(html);
        Assert.True(m.Success, "no card script in:\n" + html);
        return JsonNode.Parse(m.Groups[1].Value)!.AsObject();
    }

    [GeneratedRegex("<script type=\"application/adaptivecard\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex CardScript();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Graph.Dispose();
    }
}
