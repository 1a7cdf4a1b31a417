using System.Net;
using System.Net.Http.Headers;

namespace TeamsAmdl.Functions.Tests.Auth;

/// <summary>Production without Auth:* settings: every API call is a clean German 401 (no 500 from empty metadata).</summary>
public sealed class EntraUnconfiguredTests(UnconfiguredProductionAppFactory app) : IClassFixture<UnconfiguredProductionAppFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task Any_token_is_refused_with_a_German_401(string? authorization)
    {
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/measures");
        if (authorization is not null) request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Nicht angemeldet", await response.Content.ReadAsStringAsync());
    }
}
