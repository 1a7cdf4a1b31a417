using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Outlook;

namespace TeamsAmdl.Functions;

/// <summary>
/// Wires the Outlook Actionable Messages (Outlook/README.md, issue 17): options validated on start, the channel
/// preferences, the mail outbox and its worker (Graph client built lazily, with the bot's credential unless a
/// <see cref="TokenCredential"/> is registered under <see cref="CredentialKey"/>), the Outlook invoke handling.
/// </summary>
public static class OutlookSetup
{
    /// <summary>DI key of the <see cref="TokenCredential"/> used for mail (default: the bot's credential).</summary>
    public const string CredentialKey = "outlook-graph";

    public static IHostApplicationBuilder AddOutlook(this IHostApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<OutlookOptions>().BindConfiguration(OutlookOptions.Section).ValidateOnStart();
        s.AddSingleton<IValidateOptions<OutlookOptions>, OutlookOptionsValidator>();
        s.AddSingleton<ChannelPreferences>();
        s.AddSingleton(sp => new MailOutbox(sp.GetRequiredService<Repositories.Tables>().Get(MailOutbox.TableName),
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageSetup.Prefixed(builder.Configuration, MailOutbox.QueueName)),
            sp.GetRequiredService<TimeProvider>()));
        s.AddSingleton(sp =>
        {
            var credential = sp.GetKeyedService<TokenCredential>(CredentialKey) ?? sp.GetService<TokenCredential>()
                ?? throw new InvalidOperationException("Microsoft Graph needs the bot's identity (Bot:AppId) to send mail.");
            return GraphMail.Create(sp.GetRequiredService<IOptions<OutlookOptions>>().Value, credential);
        });
        s.AddTransient(sp => new Lazy<GraphMail>(sp.GetRequiredService<GraphMail>));
        s.AddSingleton<MailOutboxWorker>();
        s.AddTransient(sp => new Lazy<MailOutboxWorker>(sp.GetRequiredService<MailOutboxWorker>));
        s.AddSingleton<ChannelDelivery>();
        s.AddSingleton<OutlookInvokes>();
        return builder;
    }

    /// <summary>Start-up step (StartupChecks): settings valid, tables and queue there.</summary>
    public static async Task InitializeOutlookAsync(this IServiceProvider services, CancellationToken ct)
    {
        var outlook = services.GetRequiredService<IOptions<OutlookOptions>>().Value; // throws OptionsValidationException naming the setting
        if (outlook.Enabled && !services.GetRequiredService<IOptions<Bot.BotOptions>>().Value.AllowedChannels.Contains(OutlookInvokes.ChannelId, StringComparer.Ordinal))
            services.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsAmdl.Startup").LogWarning(
                "Outlook: Mails werden gesendet, aber Bot:AllowedChannels nennt „outlook“ nicht; Antworten aus Outlook werden abgelehnt (403).");
        await services.GetRequiredService<ChannelPreferences>().CreateIfNotExistsAsync(ct);
        await services.GetRequiredService<MailOutbox>().CreateIfNotExistsAsync(ct);
    }
}
