using Azure.Identity;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// The rating feature's part of the start-up sequence (<see cref="Hosting.StartupChecks"/>, after the storage check, the
/// demo seed and the outboxes): creates the rating tables and stores the shipped questionnaire (version 1) if missing.
/// A storage failure stops the start (<see cref="StartupException"/>), as the other checks do. With Seed:Demo (default:
/// Development) it then adds the demo rating requests; that part only warns when it fails (e.g. a demo installation
/// without a bot identity, Bot:AppId: nobody to send the request cards as).
/// </summary>
public sealed class RatingsStartup(RatingTables tables, TemplateStore templates, RatingsDemoSeeder demo, Lazy<Proactive> proactive,
    IConfiguration config, IHostEnvironment env, ILogger<RatingsStartup> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await tables.CreateAllAsync(ct);
            await templates.EnsureDefaultAsync(ct);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AuthenticationFailedException or AggregateException)
        {
            throw new StartupException(RatingTexts.StartFailed(StorageSetup.Short(e)));
        }
        if (!config.GetValue("Seed:Demo", env.IsDevelopment())) return;
        try
        {
            await proactive.Value.InitializeAsync(ct);
            await demo.SeedAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Demo-Bewertungsanfragen nicht angelegt: {Error}", e.Message);
        }
    }
}
