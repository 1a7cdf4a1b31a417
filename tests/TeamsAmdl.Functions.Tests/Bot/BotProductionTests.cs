using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>Production with a configured bot: real Bot Connector metadata URL, no dev stand-ins.</summary>
public sealed class ConfiguredProductionBotFactory : AppFactory
{
    protected override string Environment => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:AppId", BotAppFactory.AppId);
        builder.UseSetting("Bot:ClientSecret", "not-used-by-these-tests");
        builder.UseSetting("Bot:DevStandIns", "true"); // has no effect outside Development
        builder.UseSetting("Bot:TeamsAppId", "5d7f9ce3-4eea-4e6a-965e-f047ef2989b2");
    }
}

public sealed class BotProductionTests(ConfiguredProductionBotFactory app) : IClassFixture<ConfiguredProductionBotFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("GET", "/dev/inbox")]
    [InlineData("GET", "/dev/inbox/api/messages?user=koord-weber")]
    [InlineData("GET", "/dev/botframework/.well-known/openidconfiguration")]
    [InlineData("POST", "/dev/token")]
    [InlineData("GET", "/dev/static/cards/render/harness.js")]
    public async Task The_dev_stand_ins_do_not_exist_outside_Development(string method, string path)
    {
        var res = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
    }

    [Fact]
    public async Task The_real_connector_and_the_Bot_Framework_metadata_are_used_and_unsigned_requests_are_401()
    {
        Assert.IsNotType<TeamsAmdl.Functions.DevInbox.DevConnector>(app.Services.GetRequiredService<ConnectorClient>());
        // With Bot:TeamsAppId, in-doubt deliveries are read back from the chat through Graph.
        Assert.IsType<GraphDeliveryReadBack>(app.Services.GetService<IDeliveryReadBack>());
        var activity = TestActivities.Install("koord-weber").ToJsonString();
        var res = await app.CreateClient().PostAsync("/api/messages", Json(activity));
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        var bad = await app.CreateClient().PostAsync("/api/messages", Json("[]"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

public sealed class UnconfiguredProductionBotTests(UnconfiguredProductionAppFactory app) : IClassFixture<UnconfiguredProductionAppFactory>
{
    [Fact]
    public async Task Without_Bot_AppId_the_endpoint_answers_503_with_a_german_message()
    {
        var res = await app.CreateClient().PostAsync("/api/messages",
            new StringContent(TestActivities.Install("koord-weber").ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
        var problem = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal("bot_not_configured", (string?)problem["code"]);
        Assert.Equal("Der Bot ist nicht konfiguriert: Bot:AppId fehlt.", (string?)problem["title"]);
    }
}
