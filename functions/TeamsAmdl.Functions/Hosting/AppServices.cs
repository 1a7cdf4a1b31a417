using Microsoft.AspNetCore.Authentication;
using TeamsAmdl.Functions.Addin;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Participants;
using TeamsAmdl.Functions.Quality.Monitoring;
using TeamsAmdl.Functions.Measures;
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
        // Outside Development, mapped Entra groups are the only source of staff (a demo installation without them keeps
        // the demo staff). Demo rows (readable ids, object id in a column) exist only where those are seeded.
        var demoStaff = dev || !builder.Configuration.GetSection("Staff:Groups").GetChildren().Any();
        var demo = builder.Configuration.GetValue("Seed:Demo", dev);
        services.AddSingleton(sp => new StaffRepository(sp.GetRequiredService<Tables>(), demoRows: demo && demoStaff));
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<PlaceAllocator>();
        services.AddSingleton(sp => new DemoSeeder(sp.GetRequiredService<Tables>(), sp.GetRequiredService<TraegerRepository>(),
            sp.GetRequiredService<StaffRepository>(), sp.GetRequiredService<MeasureRepository>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DemoSeeder>>(), demoStaff));
        services.AddSingleton<Names>();
        services.AddSingleton<WebRoot>();
        services.AddSingleton<RequiredSettings>();

        // R-SEC-3: the header-based demo login exists only in Development; there is no setting that enables it elsewhere.
        // The worker's ASP.NET Core integration runs no authentication middleware: CallerMiddleware calls the scheme.
        var auth = services.AddAuthentication(dev ? AuthSchemes.DevUser : AuthSchemes.Entra);
        if (dev) auth.AddScheme<AuthenticationSchemeOptions, DevUserAuthenticationHandler>(AuthSchemes.DevUser, null);
        else auth.AddJwtBearer(AuthSchemes.Entra, o => EntraBearer.Configure(o, builder.Configuration.GetSection("Auth").Get<EntraOptions>() ?? new()));

        builder.AddBot();
        builder.AddFreePlaces(); // after AddBot: wraps the bot's connector in the Teams rate limiter
        builder.AddParticipants();
        builder.AddDeadlines(); // after AddParticipants: deadlines follow the participations
        builder.AddDigest();
        builder.AddFiling();
        builder.AddAddin(); // after AddFiling: the outbox
        builder.AddRatings();
        builder.AddOutlook();
        builder.AddMeasures(); // after AddFreePlaces: edits announce raised capacity
        builder.AddStaff();
        builder.AddRetention();
        builder.AddQualityMonitoring();
        builder.AddInspections(); // after AddFiling and AddBot: files Prüfberichte and Mängelschreiben, sends reminder cards
        return builder;
    }
}
