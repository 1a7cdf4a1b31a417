using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Addin;

/// <summary>DI registrations of the Outlook add-in (after AddFiling: the outbox and the Jobcenter details).</summary>
public static class AddinSetup
{
    public static IHostApplicationBuilder AddAddin(this IHostApplicationBuilder builder)
    {
        // Unusable filing settings register no outbox: start-up stops with the setting's name (StartupChecks), and
        // nothing here may fail DI validation before that.
        if (!builder.Services.Any(d => d.ServiceType == typeof(FilingOutbox)))
            return builder;
        builder.Services.AddSingleton<MailFilingLedger>();
        builder.Services.AddSingleton(sp => new MailRecordRenderer(sp.GetRequiredService<JobcenterInfo>()));
        builder.Services.AddSingleton<MailFiling>();
        return builder;
    }
}
