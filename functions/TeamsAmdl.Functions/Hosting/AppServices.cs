using Microsoft.AspNetCore.Authentication;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Retention;
using TeamsAmdl.Functions.Seeding;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// Every service of the app, registered once for both hosts: the isolated worker (Program.cs, under the Azure
/// Functions host) and the dev host (functions/TeamsAmdl.DevHost, locally and in tests).
/// </summary>
public static class AppServices
{
    public static IHostApplicationBuilder AddTeamsAmdl(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var dev = builder.Environment.IsDevelopment();
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddSingleton(sp => new Tables(sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(),
            builder.Configuration["Storage:TablePrefix"] ?? ""));
        services.AddSingleton<TraegerRepository>();
        services.AddSingleton<StaffRepository>();
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<PlaceAllocator>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<Names>();
        services.AddSingleton<WebRoot>();

        // R-SEC-3: the header-based demo login exists only in Development; there is no setting that enables it elsewhere.
        // The worker's ASP.NET Core integration runs no authentication middleware: CallerMiddleware calls the scheme.
        var auth = services.AddAuthentication(dev ? AuthSchemes.DevUser : AuthSchemes.Entra);
        if (dev) auth.AddScheme<AuthenticationSchemeOptions, DevUserAuthenticationHandler>(AuthSchemes.DevUser, null);
        else auth.AddJwtBearer(AuthSchemes.Entra, o => EntraBearer.Configure(o, builder.Configuration.GetSection("Auth").Get<EntraOptions>() ?? new()));

        builder.AddBot();
        builder.AddFreePlaces(); // after AddBot: wraps the bot's connector in the Teams rate limiter
        builder.AddDigest();
        builder.AddFiling();
        builder.AddRatings();
        builder.AddRetention();
        return builder;
    }
}
