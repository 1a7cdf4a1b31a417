using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsAmdl.Functions.DevInbox;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// Issue 12 end to end in Development (where the developer exception page used to show stack traces): a function whose
/// dependency throws answers a German 500 naming a correlation id, without exception text, type or namespace.
/// </summary>
public sealed class UnhandledExceptionTests(UnhandledExceptionTests.App app) : IClassFixture<UnhandledExceptionTests.App>
{
    /// <summary>The dev inbox's static files cannot be served: their service throws when the function is created.</summary>
    public sealed class App : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<DevAssets>(
                _ => throw new InvalidOperationException("Secret detail of TeamsAmdl.Functions.DevInbox"))));
        }
    }

    [Fact]
    public async Task An_exception_in_a_function_is_a_German_500_with_a_correlation_id_and_no_internals()
    {
        var response = await app.CreateClient().GetAsync("/dev/static/cards/render/harness.js");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("internal_error", (string?)problem["code"]);
        Assert.Matches("Fehlerkennung [0-9a-f-]{36}", (string?)problem["title"]);
        Assert.DoesNotContain("Secret", body);
        Assert.DoesNotContain("TeamsAmdl.", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }
}
