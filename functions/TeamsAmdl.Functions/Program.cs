using Microsoft.AspNetCore.Authentication;
using TeamsAmdl.Functions;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Seeding;
using TeamsAmdl.Functions.Timers;

var builder = WebApplication.CreateBuilder(args);
HostPort.Configure(builder);

var dev = builder.Environment.IsDevelopment();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddStorage();
builder.Services.AddSingleton(sp => new Tables(sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(),
    builder.Configuration["Storage:TablePrefix"] ?? ""));
builder.Services.AddSingleton<TraegerRepository>();
builder.Services.AddSingleton<StaffRepository>();
builder.Services.AddSingleton<MeasureRepository>();
builder.Services.AddSingleton<PlaceAllocator>();
builder.Services.AddSingleton<DemoSeeder>();
builder.Services.AddSingleton<Names>();

// R-SEC-3: the header-based demo login exists only in Development; there is no setting that enables it elsewhere.
var auth = builder.Services.AddAuthentication(dev ? AuthSchemes.DevUser : AuthSchemes.Entra);
if (dev) auth.AddScheme<AuthenticationSchemeOptions, DevUserAuthenticationHandler>(AuthSchemes.DevUser, null);
else auth.AddScheme<EntraOptions, EntraAuthenticationHandler>(AuthSchemes.Entra, o => builder.Configuration.GetSection("Auth").Bind(o));
builder.Services.AddAuthorization();
builder.AddBot();
builder.AddFreePlaces(); // after AddBot: wraps the bot's connector in the Teams rate limiter
builder.AddDigest();
builder.AddFiling();
builder.AddRatings();
builder.Services.AddTimers(builder.Configuration);

var app = builder.Build();
try
{
    app.MapFiling(); // first: an unusable Filing configuration stops the start with one line naming the setting
    await StorageSetup.EnsureReachableAsync(app.Services.GetRequiredService<Tables>(), app.Configuration, app.Lifetime.ApplicationStopping);
    if (app.Configuration.GetValue("Seed:Demo", dev))
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
}
catch (StartupException e)
{
    Console.Error.WriteLine(e.Message);
    Environment.ExitCode = 2;
    return;
}

app.UseAuthentication();
app.UseAuthorization();
app.MapHealthEndpoints();
app.MapMeasureEndpoints();
if (dev) app.MapDevEndpoints();
app.MapBot();
app.MapFreePlaces();
app.MapDigest();
app.MapRatings();
app.MapTimers();
app.Run();

public partial class Program;
