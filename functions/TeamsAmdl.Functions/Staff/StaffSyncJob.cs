using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// Every hour (at :20): staff and roles from Entra ID, then the installation safety net (cards of people whose
/// conversation exists by now are released, installations still missing are requested again).
/// </summary>
public sealed class StaffSyncJob(StaffSync sync, Lazy<AppInstallation> installation, IOptions<StaffOptions> options,
    IOptions<BotOptions> bot, ILogger<StaffSyncJob> log) : ITimerJob
{
    public const string JobName = "staff-sync";
    public string Name => JobName;
    public const string Cron = "0 20 * * * *";
    public string Schedule => Cron;

    public async Task RunAsync(TimerRun run, CancellationToken ct)
    {
        await sync.RunAsync(ct);
        if (!options.Value.InstallsApp) return;
        var released = await installation.Value.RetryAsync(bot.Value.EffectiveTenantId, ct);
        if (released > 0) log.LogInformation("{Count} held cards released by the timer", released);
    }
}
