using TeamsAmdl.Functions;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.DevHost;

/// <summary>
/// The dev host: the Functions app without the Azure Functions host (./run.sh, tests, benchmarks). Same services
/// (<see cref="AppServices"/>), same middleware, same function classes: HTTP triggers on Kestrel, timer triggers on
/// their NCRONTAB schedule. A start-up problem ends the process with exit code 2 and one line naming the fix.
/// </summary>
public sealed class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        HostPort.Configure(builder);
        builder.AddTeamsAmdl();
        var config = builder.Configuration;
        var catalog = new FunctionCatalog(typeof(AppServices).Assembly, name => config.GetValue($"AzureWebJobs.{name}.Disabled", false));
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddMvcCore(); // executes IActionResult return values
        if (builder.Configuration.GetValue("DevHost:RunTimers", true))
            builder.Services.AddHostedService<TimerTriggerService>();
        var queues = HostJsonQueues.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), config);
        if (queues.MessageEncoding != "none")
            throw new InvalidOperationException("host.json: extensions.queues.messageEncoding must be \"none\" (the outboxes write plain UTF-8 text).");
        builder.Services.AddSingleton(queues);
        if (builder.Configuration.GetValue("DevHost:RunQueues", true))
            builder.Services.AddHostedService<QueueTriggerService>();

        var app = builder.Build();
        try
        {
            await StartupChecks.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        app.UseGermanProblems();
        app.MapFunctions(catalog);
        await app.RunAsync();
        return 0;
    }
}
