using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Functions.Addin;

/// <summary>DI registrations of the Outlook add-in (after AddFiling: the outbox and the Jobcenter details).</summary>
public static class AddinSetup
{
    public static IHostApplicationBuilder AddAddin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MailFilingLedger>();
        builder.Services.AddSingleton(sp => new MailRecordRenderer(sp.GetRequiredService<JobcenterInfo>()));
        builder.Services.AddSingleton<MailFiling>();
        return builder;
    }
}
