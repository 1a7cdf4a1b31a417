using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TeamsAmdl.Functions.Filing;
using TeamsAmdl.Functions.Hosting;
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
        if (Environment != "Development")
        {
            // What Production does not start without (RequiredSettings). Nothing here is ever called: a bearer token would
            // send the JwtBearer handler to a closed loopback port (401), and these tests send nothing as the bot.
            builder.UseSetting("Auth:MetadataUrl", "http://127.0.0.1:9/unused/v2.0/.well-known/openid-configuration");
            builder.UseSetting("Auth:Audience", "api://teamsamdl-tests");
            builder.UseSetting("Auth:TenantId", "00000000-0000-0000-0000-00000000a17e");
            builder.UseSetting("Bot:AppId", "00000000-0000-0000-0000-00000000b07e");
            builder.UseSetting("Bot:TenantId", "00000000-0000-0000-0000-00000000a17e");
        }

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

/// <summary>
/// Production without Auth:* and Bot:* settings. The start check refuses that (RequiredSettings); here it is switched
/// off to test the defences behind it: every call a German 401, the bot endpoint a German 503, /healthz degraded.
/// </summary>
public sealed class UnconfiguredProductionAppFactory : AppFactory
{
    protected override string Environment => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var key in new[] { "Auth:MetadataUrl", "Auth:Audience", "Auth:TenantId", "Bot:AppId", "Bot:TenantId" })
            builder.UseSetting(key, "");
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<RequiredSettings, StartCheckOff>()));
    }

    /// <summary>Lets the start pass; /healthz still reports what is missing.</summary>
    private sealed class StartCheckOff(IConfiguration config, IHostEnvironment env, FilingState filing) : RequiredSettings(config, env, filing)
    {
        public override string? Problem() => null;
    }
}
