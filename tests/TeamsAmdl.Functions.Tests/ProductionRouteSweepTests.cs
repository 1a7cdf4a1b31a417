using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace TeamsAmdl.Functions.Tests;

/// <summary>The route sweep in Production: no demo login, Development-only routes are 404; every answer still clean.</summary>
public sealed class ProductionRouteSweepTests(ProductionRouteSweepTests.App app, ITestOutputHelper output)
    : RouteSweep<ProductionRouteSweepTests.App>(app, output)
{
    protected override bool Development => false;

    /// <summary>Production without queue listeners, so queued messages stay countable.</summary>
    public sealed class App : AppFactory
    {
        protected override string Environment => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DevHost:RunQueues", "false");
        }
    }
}
