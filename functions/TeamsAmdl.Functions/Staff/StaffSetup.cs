using Azure.Core;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Staffing;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions;

/// <summary>
/// Wires the staff sync from Entra ID and the proactive app installation (Staff/README.md): options validated on
/// start, the Graph client (lazily: built only when Graph is called, with the bot's credential unless a
/// <see cref="TokenCredential"/> is registered under <see cref="StaffGraph.CredentialKey"/>), the timer job.
/// </summary>
public static class StaffSetup
{
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var credential = sp.GetKeyedService<TokenCredential>(StaffGraph.CredentialKey)
                ?? sp.GetService<TokenCredential>()
                ?? throw new InvalidOperationException("Microsoft Graph needs the bot's identity (Bot:AppId) for the staff sync and the app installation.");
            return new StaffDirectory(StaffGraph.CreateClient(sp.GetRequiredService<IOptions<StaffOptions>>().Value, credential));
        });
        services.AddTransient(sp => new Lazy<StaffDirectory>(sp.GetRequiredService<StaffDirectory>));
        services.AddSingleton<PendingCardStore>();
        services.AddSingleton<AppInstallation>();
        services.AddTransient(sp => new Lazy<AppInstallation>(sp.GetRequiredService<AppInstallation>));
        services.AddSingleton<StaffSync>();
        services.AddTimerJob<StaffSyncJob>();
        return builder;
    }
}
