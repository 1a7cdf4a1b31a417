using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Graph;

namespace TeamsAmdl.Functions.Filing;

/// <summary>
/// Creates the outbox's table, queue and container, checks the Graph target once (a warning, not a stop: Graph may
/// be briefly unreachable at start), then runs the <see cref="FilingWorker"/> until the app stops (unless
/// Filing:HostedWorker is false; under the Functions host the timer function filing-worker drains the queue too).
/// Never throws: a failing background service would stop the whole app.
/// </summary>
public sealed class FilingHostedService(IServiceProvider services, FilingState state, FilingOptions options, ILogger<FilingHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var outbox = services.GetRequiredService<FilingOutbox>();
            for (var delay = TimeSpan.FromSeconds(2); ; delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 300)))
            {
                try
                {
                    await outbox.CreateIfNotExistsAsync(stoppingToken);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("E-Akte: Ablage-Speicher nicht bereit ({Error}); neuer Versuch in {Delay}.", ex.Message.Split('\n')[0], delay);
                    await Task.Delay(delay, stoppingToken);
                }
            }

            if (state.Mode == FilingMode.Held)
            {
                logger.LogWarning("E-Akte nicht konfiguriert (Filing:SiteId, Filing:DriveId): Dokumente werden gespeichert und eingereiht, aber erst nach der Konfiguration abgelegt.");
                return;
            }
            var worker = services.GetRequiredService<FilingWorker>();
            logger.LogInformation("E-Akte: Ablage nach {Target}.", worker.Library.Description);
            if (worker.Library is GraphDocumentLibrary graph)
            {
                try
                {
                    logger.LogInformation("E-Akte: Bibliothek {Library} erreichbar.", await graph.VerifyAsync(stoppingToken));
                }
                catch (LibraryException ex)
                {
                    logger.LogWarning("E-Akte: Bibliothek nicht lesbar ({Status} {Code}): {Error}. Berechtigung Sites.Selected für die Website prüfen (docs/filing.md).",
                        ex.Status, ex.Code, ex.Message);
                }
            }
            if (options.HostedWorker)
                await worker.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "E-Akte: Hintergrund-Ablage beendet.");
        }
    }
}
