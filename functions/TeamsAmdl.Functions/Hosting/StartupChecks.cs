using TeamsAmdl.Bot;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Filing;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Seeding;
using TeamsAmdl.Functions.Staffing;
using Microsoft.Extensions.Options;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// What must hold before the app serves anything: every required setting (<see cref="RequiredSettings"/>: storage, and
/// outside Development Auth, Bot and Filing, named together in one line), a reachable storage account (tables
/// created), the outboxes' queues, the list copies of older digest publications, the rating tables and questionnaire, and in Development (or with Seed:Demo) the demo
/// Jobcenter and its rating requests. Throws <see cref="StartupException"/> with one German line naming what to fix;
/// each host decides how to stop (the dev host exits 2).
/// </summary>
public static class StartupChecks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        try
        {
            _ = services.GetRequiredService<IOptions<StaffOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Outlook.OutlookOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new StartupException(string.Join(" ", e.Failures));
        }
        if (services.GetRequiredService<RequiredSettings>().Problem() is { } problem)
            throw new StartupException(problem);
        if (!env.IsDevelopment() && config.GetValue(Playground.PlaygroundSetup.Setting, false))
            throw new StartupException(Playground.PlaygroundTexts.NotAllowedOutsideDevelopment);
        await StorageSetup.EnsureReachableAsync(services.GetRequiredService<Tables>(), config, ct);
        if (config.GetValue("Seed:Demo", env.IsDevelopment()))
            await services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        // The queues the triggers listen on exist before anything is queued (the host does not create them).
        if (services.GetService<FilingOutbox>() is { } filingOutbox)
            await filingOutbox.CreateIfNotExistsAsync(ct);
        if (BotOptions.CanSend(env, config))
        {
            await services.GetRequiredService<Proactive>().InitializeAsync(ct);
            if (services.GetService<IDeliveryReadBack>() is null)
                services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsAmdl.Startup").LogWarning(
                    "Outbox: ungewisse Zustellungen (Absturz nach dem Senden) können nicht im Chat nachgeprüft werden, Bot:TeamsAppId fehlt; " +
                    "sie werden nach Bot:InDoubt={Policy} behandelt (Resend: ggf. doppelt, Park: zur Prüfung geparkt).",
                    services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotOptions>>().Value.InDoubt);
        }
        // Publications written before the history had its newest-first list copies get them (Digest/README.md).
        await services.GetRequiredService<Digest.DigestHistory>().IndexExistingAsync(ct);
        await services.GetRequiredService<Digest.DigestPublishQueue>().CreateIfNotExistsAsync(ct);
        // Before the first request: the rating tables and the default questionnaire (a hosted service would race it).
        await services.GetRequiredService<RatingsStartup>().RunAsync(ct);
        await services.GetRequiredService<Quality.Monitoring.MonitoringStartup>().RunAsync(ct);
        // The deadline tables (marks, LAP contacts) exist before the first request reads them.
        await services.GetRequiredService<Deadlines.DeadlineTables>().CreateAllAsync(ct);
        // Demo: most demo participants' Erwartungsbögen recorded, a few left open (Seeding/DemoExpectations.cs).
        if (config.GetValue("Seed:Demo", env.IsDevelopment()))
            await services.GetRequiredService<Seeding.DemoExpectations>().SeedAsync(ct);
        // Outlook (issue 17): channel preferences and the mail outbox's table and queue.
        await services.InitializeOutlookAsync(ct);
    }
}
