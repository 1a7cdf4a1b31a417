using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Playground;
using TeamsAmdl.Functions.Tests.Bot;

namespace TeamsAmdl.Functions.Tests.Playground;

/// <summary>Development with Bot:Playground on (in memory; the browser test runs the real playground).</summary>
public sealed class PlaygroundAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:Playground", "true");
    }
}

/// <summary>What the Agents Playground sends (observed with 0.2.28): no Authorization header, x-ms-agents-playground: true.</summary>
internal static class PlaygroundRequests
{
    public const string ServiceUrl = "http://localhost:56150/_connector";
    public static readonly string Aad = TestActivities.Aad("betr-06");

    public static JsonObject ConversationUpdate(string serviceUrl = ServiceUrl, string tenant = DevBotDefaults.TenantId) => new()
    {
        ["type"] = "conversationUpdate", ["id"] = Guid.NewGuid().ToString(), ["channelId"] = "msteams", ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:playground-" + Aad, ["aadObjectId"] = Aad },
        ["recipient"] = new JsonObject { ["id"] = "28:" + DevBotDefaults.AppId, ["name"] = "TeamsAmdl" },
        ["conversation"] = new JsonObject { ["id"] = PlaygroundConfig.PersonalChatId(Aad), ["conversationType"] = "personal", ["tenantId"] = tenant },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + DevBotDefaults.AppId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(PlaygroundGate.Header, "true");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"];
}

public sealed class PlaygroundGateTests(PlaygroundAppFactory app) : IClassFixture<PlaygroundAppFactory>
{
    [Fact]
    public async Task A_playground_activity_for_its_loopback_connector_is_let_in_and_its_chat_stored_under_the_app_tenant()
    {
        var res = await PlaygroundRequests.PostAsync(app.CreateClient(), PlaygroundRequests.ConversationUpdate());
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var stored = await app.Services.GetRequiredService<ConversationReferenceStore>().GetUserAsync(DevBotDefaults.TenantId, PlaygroundRequests.Aad);
        Assert.NotNull(stored);
        Assert.Equal(PlaygroundRequests.ServiceUrl, stored!.ServiceUrl);
        Assert.Equal(PlaygroundConfig.PersonalChatId(PlaygroundRequests.Aad), stored.ConversationId);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", null)]      // replies would go to a foreign host
    [InlineData("http://playground.example:56150/_connector", null)] // not this machine
    [InlineData("http://localhost:7071/dev/connector/", null)]       // the dev inbox's own service URL: its tokens decide
    [InlineData(PlaygroundRequests.ServiceUrl, "Bearer not-a-jwt")]   // a token is always checked
    public async Task Anything_else_needs_a_Bot_Connector_token(string serviceUrl, string? authorization)
    {
        var res = await PlaygroundRequests.PostAsync(app.CreateClient(), PlaygroundRequests.ConversationUpdate(serviceUrl), authorization);
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_is_refused_with_a_hint_to_regenerate_the_config_file()
    {
        var res = await PlaygroundRequests.PostAsync(app.CreateClient(),
            PlaygroundRequests.ConversationUpdate(tenant: "00000000-0000-0000-0000-0000000000001")); // the playground's default file
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal("playground_refused", await PlaygroundRequests.CodeAsync(res));
    }

    [Fact]
    public async Task The_config_file_names_the_demo_user_the_app_tenant_and_a_fixed_personal_chat()
    {
        var res = await app.CreateClient().GetAsync("/dev/playground/config?user=betr-06");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.StartsWith("text/yaml", res.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var yml = await res.Content.ReadAsStringAsync();
        Assert.Contains($"tenantId: \"{DevBotDefaults.TenantId}\"", yml, StringComparison.Ordinal);
        Assert.Contains($"  id: \"28:{DevBotDefaults.AppId}\"", yml, StringComparison.Ordinal);
        Assert.Contains("  name: \"Tobias Richter\"", yml, StringComparison.Ordinal);
        Assert.Contains($"  aadObjectId: \"{PlaygroundRequests.Aad}\"", yml, StringComparison.Ordinal);
        Assert.Contains($"  id: \"{PlaygroundConfig.PersonalChatId(PlaygroundRequests.Aad)}\"", yml, StringComparison.Ordinal);
        Assert.Equal(5, yml.Split('\n').Count(l => l.StartsWith("  - id: ", StringComparison.Ordinal))); // the schema wants exactly five
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/dev/playground/config?user=nobody")).StatusCode);
    }
}

/// <summary>Development as it starts by default: the playground mode is off.</summary>
public sealed class PlaygroundOffTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Off_by_default_the_header_alone_is_401_and_there_is_no_config_file()
    {
        var res = await PlaygroundRequests.PostAsync(app.CreateClient(), PlaygroundRequests.ConversationUpdate());
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/dev/playground/config?user=betr-06")).StatusCode);
        Assert.IsNotType<PlaygroundConnector>(app.Services.GetRequiredService<ConnectorClient>());
    }
}

public sealed class PlaygroundProductionTests(ConfiguredProductionBotFactory app) : IClassFixture<ConfiguredProductionBotFactory>
{
    [Fact]
    public async Task Production_refuses_a_request_carrying_only_the_playground_header()
    {
        var res = await PlaygroundRequests.PostAsync(app.CreateClient(), PlaygroundRequests.ConversationUpdate());
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Equal("bot_not_authenticated", await PlaygroundRequests.CodeAsync(res));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/dev/playground/config?user=betr-06")).StatusCode);
    }

    [Fact]
    public void Outside_Development_the_gate_ignores_the_setting_even_when_it_is_on()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:Playground"] = "true" }).Build();
        var gate = new PlaygroundGate(new HostingEnvironment { EnvironmentName = Environments.Production }, config,
            Options.Create(new BotOptions { Playground = true }), NullLogger<PlaygroundGate>.Instance);
        var headers = new HeaderDictionary { [PlaygroundGate.Header] = "true" };
        Assert.True(ActivitySerializer.TryParse(PlaygroundRequests.ConversationUpdate().ToJsonString(), out var activity, out _));
        Assert.Equal(PlaygroundAdmission.NotPlayground, gate.Admit(headers, activity));
    }
}
