using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>Development talking to real Teams (Bot:DevStandIns false): the /dev stand-ins are switched off.</summary>
public sealed class DevStandInsOffFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:DevStandIns", "false");
    }
}

public sealed class DevStandInsOffTests(DevStandInsOffFactory app) : IClassFixture<DevStandInsOffFactory>
{
    [Theory]
    [InlineData("GET", "/dev/inbox")]
    [InlineData("GET", "/dev/inbox/inbox.js")]
    [InlineData("GET", "/dev/inbox/api/context?user=koord-weber")]
    [InlineData("GET", "/dev/botframework/.well-known/openidconfiguration")]
    [InlineData("POST", "/dev/token")]
    [InlineData("GET", "/dev/static/cards/render/harness.js")]
    public async Task The_stand_in_routes_answer_404_with_a_german_reason(string method, string path)
    {
        var res = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var problem = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Contains("Bot:DevStandIns", (string?)problem["title"]);
    }

    [Fact]
    public void The_dev_inbox_is_not_the_outbox_read_back()
    {
        // Without Bot:TeamsAppId there is no Graph read-back either; with the stand-ins on it would be DevInboxReadBack.
        Assert.Null(app.Services.GetService<IDeliveryReadBack>());
    }
}
