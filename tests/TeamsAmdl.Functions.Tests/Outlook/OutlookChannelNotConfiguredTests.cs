using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Tests.Bot;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>Where Bot:AllowedChannels does not list "outlook" (the default), an Outlook-channel invoke is refused before anything runs.</summary>
public sealed class OutlookChannelNotConfiguredTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Outlook_invoke_is_forbidden_without_the_channel_configured()
    {
        var invoke = OutlookAppFactory.OutlookInvoke("betr-03", CardVerbs.RatingOpen, new JsonObject { ["ratingId"] = "bw-demo-0108" });
        var res = await app.PostAsync(invoke, app.Token(serviceUrl: OutlookAppFactory.OutlookServiceUrl));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, res.StatusCode);
    }
}
