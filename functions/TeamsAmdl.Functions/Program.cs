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
