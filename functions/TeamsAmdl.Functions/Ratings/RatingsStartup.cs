using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// At start (after Program's storage check and demo seed): creates the rating tables (and, idempotently, the filing
/// outbox's, which its own hosted service creates in the background), stores the shipped questionnaire (version 1)
/// if missing, and with Seed:Demo (default: Development) the demo rating requests. A failure is logged and does not
/// stop the app (the rating endpoints then report it).
/// </summary>
public sealed class RatingsStartup(RatingTables tables, TemplateStore templates, IServiceProvider services, IConfiguration config,
    IHostEnvironment env, ILogger<RatingsStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await tables.CreateAllAsync(ct);
            if (services.GetService<FilingOutbox>() is { } filing) await filing.CreateIfNotExistsAsync(ct);
            await templates.EnsureDefaultAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Start der Lieferantenbewertung fehlgeschlagen");
            return;
        }
        if (!config.GetValue("Seed:Demo", env.IsDevelopment())) return;
        try
        {
            await services.GetRequiredService<Proactive>().InitializeAsync(ct);
            await services.GetRequiredService<RatingsDemoSeeder>().SeedAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // E.g. a demo installation without a bot identity (Bot:AppId): nobody to send the request cards as.
            log.LogWarning("Demo-Bewertungsanfragen nicht angelegt: {Error}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
