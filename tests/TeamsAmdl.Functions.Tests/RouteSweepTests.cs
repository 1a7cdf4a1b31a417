using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace TeamsAmdl.Functions.Tests;

/// <summary>The route sweep in Development: demo users reach role, body and id checks.</summary>
public sealed class RouteSweepTests(RouteSweepTests.App app, ITestOutputHelper output) : RouteSweep<RouteSweepTests.App>(app, output)
{
    protected override bool Development => true;

    /// <summary>The app without queue listeners, so queued messages stay countable.</summary>
    public sealed class App : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DevHost:RunQueues", "false");
        }
    }
}
