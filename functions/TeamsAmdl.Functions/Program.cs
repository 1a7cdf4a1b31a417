using Microsoft.Azure.Functions.Worker.Builder;
using TeamsAmdl.Functions;
using TeamsAmdl.Functions.Hosting;

// The isolated worker under the Azure Functions host (Azure, or `func start` where Core Tools exist). Locally and in
// tests functions/TeamsAmdl.DevHost runs the same function classes with the same services.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseTeamsAmdlMiddleware();
builder.AddTeamsAmdl();

var host = builder.Build();
try
{
    // The queue triggers listen on fixed queue names (functions.metadata); a prefix would send the messages elsewhere.
    if (!string.IsNullOrEmpty(host.Services.GetRequiredService<IConfiguration>()["Storage:TablePrefix"]))
        throw new StartupException("Storage:TablePrefix ist unter dem Functions-Host nicht möglich: die Queue-Trigger lauschen auf festen " +
            "Warteschlangen (outbox, filing, freeplace-alerts). Für getrennte Umgebungen je ein eigenes Speicherkonto verwenden.");
    await StartupChecks.RunAsync(host.Services, CancellationToken.None);
}
catch (StartupException e)
{
    // Under the host an exit only means a restart: say once, as one line, what to fix.
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsAmdl.Startup").LogCritical("{Problem}", e.Message);
    Environment.ExitCode = 2;
    return;
}
await host.RunAsync();
