using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Endpoints.Functions;
using TeamsAmdl.Functions.Filing;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>/healthz is 503 "degraded" naming the dependency that cannot work (issue 12: it said ok without any Auth:*).</summary>
public sealed class HealthTests(UnconfiguredProductionAppFactory app) : IClassFixture<UnconfiguredProductionAppFactory>
{
    [Fact]
    public async Task Missing_auth_and_bot_settings_make_health_degraded_naming_them()
    {
        var response = await app.ClientAs(null).GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = (await response.Content.ReadFromJsonAsync<JsonElement>())!;
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("storage").GetString());
        Assert.Equal("missing", health.GetProperty("settings").GetString());
        Assert.Equal(["Auth:MetadataUrl", "Auth:Audience", "Auth:TenantId", "Bot:AppId", "Bot:TenantId"],
            health.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Es fehlen Einstellungen: Auth:MetadataUrl", health.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public async Task Unreachable_storage_makes_health_degraded_naming_storage()
    {
        var closed = Azurite.FreePort();
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var service = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;", options);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:AccountName"] = "x" }).Build();
        var env = new HostingEnvironment { EnvironmentName = Environments.Development };
        var filing = new FilingState(FilingMode.LocalFolder, null, "/tmp");
        var health = new HealthFunctions(new Tables(service), new RequiredSettings(config, env, filing), filing);

        var result = await health.Run(new DefaultHttpContext().Request, CancellationToken.None);
        var http = new DefaultHttpContext { RequestServices = app.Services, Response = { Body = new MemoryStream() } };
        await result.ExecuteAsync(http);
        Assert.Equal(503, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var report = JsonSerializer.Deserialize<HealthReport>(http.Response.Body, JsonSerializerOptions.Web)!;
        Assert.Equal("degraded", report.Status);
        Assert.Equal("unreachable", report.Storage);
        Assert.Equal("ok", report.Settings);
        Assert.StartsWith("Speicher nicht erreichbar", Assert.Single(report.Problems));
    }
}
