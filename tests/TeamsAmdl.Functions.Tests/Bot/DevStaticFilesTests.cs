using System.Net;

namespace TeamsAmdl.Functions.Tests.Bot;

/// <summary>
/// The dev inbox's static route (Development only) serves the card renderer and its host configs from the repository,
/// nothing else: traversal with backslashes or encoded separators must not reach other files (issue 12: "..%5C" read
/// Azurite's table store and any repository file).
/// </summary>
public sealed class DevStaticFilesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_renderer_is_served()
    {
        var res = await app.CreateClient().GetAsync("/dev/static/cards/render/harness.js");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
    }

    [Theory]
    [InlineData("/dev/static/node_modules/adaptivecards/dist/..%5C..%5C..%5Cpackage.json")]
    [InlineData("/dev/static/node_modules/adaptivecards/dist/..%5C..%5C..%5CTeamsAmdl.sln")]
    [InlineData("/dev/static/cards/render/..%5C..%5Cfunctions%5CTeamsAmdl.Functions%5Chost.json")]
    [InlineData("/dev/static/cards/render/..%2F..%2Fpackage.json")]
    [InlineData("/dev/static/cards/render/%2E%2E/%2E%2E/package.json")]
    public async Task Traversal_out_of_the_allowed_folders_is_404(string path)
    {
        var res = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.DoesNotContain("\"name\"", await res.Content.ReadAsStringAsync()); // no package.json content
    }
}
