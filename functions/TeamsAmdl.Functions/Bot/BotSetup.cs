using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Playground;

namespace TeamsAmdl.Functions;

/// <summary>
/// Wires the Teams bot into the app: the services of POST api/messages (Bot/Functions), the outbox and, in
/// Development only (unless Bot:DevStandIns is false), the dev stand-ins under /dev (issuer, token, connector, inbox).
/// </summary>
public static class BotSetup
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BotOptions>(builder.Configuration.GetSection(BotOptions.Section));
        services.AddHttpClient(BotAuthenticatorProvider.HttpClientName);
        services.AddSingleton<BotAuthenticatorProvider>();
        services.AddSingleton<BotTables>();
        services.AddSingleton<IdempotencyGuard>();
        services.AddSingleton<BotEventLog>();
        services.AddSingleton<CardActionRegistry>();
        services.AddSingleton<CardActionDispatcher>();
        services.AddSingleton<MyTasks>();
        services.AddSingleton<BotActivityRouter>();
        // For BotMessageFunctions: the router is built only after a request is authenticated (see there).
        services.AddTransient(sp => new Lazy<BotActivityRouter>(sp.GetRequiredService<BotActivityRouter>));
        services.AddSingleton<IBotMessageSender, ConnectorMessageSender>();
        services.AddCardActionHandler<PingHandler>();

        services.AddPlayground();
        if (builder.Environment.IsDevelopment())
            services.AddDevInbox();
        if (BotOptions.UseDevStandIns(builder.Environment, builder.Configuration))
        {
            services.UseDevConnector();
            if (PlaygroundSetup.IsOn(builder.Environment, builder.Configuration))
                services.UsePlaygroundConnector();
        }
        else
        {
            services.AddSingleton(sp => CreateCredential(sp.GetRequiredService<IOptions<BotOptions>>().Value));
            services.AddSingleton(sp => new ConnectorClient(sp.GetRequiredService<TokenCredential>()));
            if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{BotOptions.Section}:{nameof(BotOptions.TeamsAppId)}"]))
                services.AddSingleton<IDeliveryReadBack>(sp =>
                {
                    var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
                    return GraphDeliveryReadBack.Create(sp.GetRequiredService<TokenCredential>(), o.TeamsAppId!, o.AppId, o.GraphBaseUrl);
                });
        }
        services.AddProactive(builder.Configuration);
        // Everything that sends as the bot (Proactive → Outbox → ConnectorClient → credential, the read-back) cannot be
        // built in Production before Bot:AppId is set, while the services that sometimes send must still serve their
        // other routes: they take these lazily, resolved only when a message actually goes out.
        services.AddTransient(sp => new Lazy<Proactive>(sp.GetRequiredService<Proactive>));
        services.AddTransient(sp => new Lazy<ConnectorClient>(sp.GetRequiredService<ConnectorClient>));
        services.AddTransient(sp => new Lazy<OutboxWorker>(sp.GetRequiredService<OutboxWorker>));
        services.AddTransient(sp => new Lazy<IBotMessageSender>(sp.GetRequiredService<IBotMessageSender>));
        services.AddTransient(sp => new Lazy<IDeliveryReadBack?>(() => sp.GetService<IDeliveryReadBack>()));
        return builder;
    }

    /// <summary>The bot's identity (Bot Connector, and Graph for the read-back): client secret when configured, else the (user-assigned) managed identity.</summary>
    private static TokenCredential CreateCredential(BotOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.AppId))
            throw new InvalidOperationException("Bot:AppId is not configured.");
        return !string.IsNullOrWhiteSpace(o.ClientSecret)
            ? new ClientSecretCredential(string.IsNullOrWhiteSpace(o.TenantId) ? "botframework.com" : o.TenantId, o.AppId, o.ClientSecret)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(
                string.IsNullOrWhiteSpace(o.ManagedIdentityClientId) ? o.AppId : o.ManagedIdentityClientId));
    }
}
