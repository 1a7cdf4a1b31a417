using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// The real app on Azurite, with its own table prefix so test classes do not see each other's data, and a fixed
/// clock (21 Nov 2026, 11:00 Berlin) so demo dates and free places are deterministic.
/// </summary>
public class AppFactory : WebApplicationFactory<TeamsAmdl.DevHost.Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    public FakeTime Time { get; } = new(Now);
    public string TablePrefix { get; } = Azurite.UniqueName("t")[..12];
    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("DevHost:RunTimers", "false"); // tests run jobs directly

        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    public HttpClient ClientAs(string? devUser)
    {
        var c = CreateClient();
        if (devUser is not null) c.DefaultRequestHeaders.Add("X-Dev-User", devUser);
        return c;
    }
}

public sealed class ProductionAppFactory : AppFactory
{
    protected override string Environment => "Production";
}
