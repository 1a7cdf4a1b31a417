using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Benchmarks;

/// <summary>The real app on a Kestrel port, Development (dev issuer + dev connector), storage on Azurite.</summary>
public sealed class BenchApp : WebApplicationFactory<TeamsAmdl.DevHost.Program>
{
    public string BaseUrl { get; private set; } = "";
    public string TablePrefix { get; } = Azurite.UniqueName("b")[..12];

    /// <summary>App settings on top of the defaults (set before <see cref="Start"/>).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public BenchApp Start()
    {
        // WebApplicationFactory finds the content root through this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TEAMSAMDL_FUNCTIONS",
            Path.Combine(RepoRoot.Find(), "functions", "TeamsAmdl.Functions"));
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        return this;
    }
}
