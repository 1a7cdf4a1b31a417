using TeamsAmdl.Bot;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Wires the free-place feature: <c>builder.AddFreePlaces()</c> (after <c>AddBot()</c>: it puts the Teams rate limiter
/// in front of the bot's <see cref="ConnectorClient"/>). The HTTP and timer triggers are the classes in <c>Functions/</c>.
/// </summary>
public static class FreePlacesSetup
{
    public const string RateLimitSection = "Bot:RateLimit";

    public static IHostApplicationBuilder AddFreePlaces(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<FreePlacesOptions>(config.GetSection(FreePlacesOptions.Section));
        // FreePlaces:DeliverAtOnce works in Development only: in every other environment the setting is switched off here.
        var atOnce = builder.Environment.IsDevelopment() && config.GetValue<bool>(FreePlacesOptions.Section + ":" + nameof(FreePlacesOptions.DeliverAtOnce));
        services.PostConfigure<FreePlacesOptions>(o =>
        {
            if (atOnce) o.ApplyDeliverAtOnce();
            else o.DeliverAtOnce = false;
        });
        services.AddSingleton<FreePlacesStore>();
        services.AddSingleton<SubscriptionRepository>();
        services.AddSingleton<SubscriptionChanges>();
        services.AddSingleton<PlaceRequestRepository>();
        services.AddSingleton<PlaceRequestIds>();
        services.AddSingleton<PlaceStateChanges>();
        services.AddSingleton<FreePlaceViews>();
        services.AddSingleton<PlaceRequestService>();
        services.AddSingleton<FreePlaceAlerts>();
        services.AddSingleton<AlertFlusher>();
        services.AddSingleton<AlertQueueHandler>();
        services.AddTransient(sp => new Lazy<AlertQueueHandler>(sp.GetRequiredService<AlertQueueHandler>));
        services.AddSingleton<FreePlaceOperations>();
        services.AddSingleton<FreePlaceCardSupport>();
        services.AddSingleton<FreePlacesBot>();

        services.AddCardActionHandler<FreePlacesRefreshHandler>();
        services.AddCardActionHandler<FreePlacesDetailsHandler>();
        services.AddCardActionHandler<FreePlacesRequestHandler>();
        services.AddCardActionHandler<FreePlacesMuteHandler>();
        services.AddCardActionHandler<FreePlacesUnmuteHandler>();
        services.AddCardActionHandler<PlaceRequestRefreshHandler>();
        services.AddCardActionHandler<PlaceRequestWaitlistHandler>();
        services.AddCardActionHandler<PlaceRequestWithdrawHandler>();
        services.AddCardActionHandler<PlaceRequestConfirmHandler>();
        services.AddCardActionHandler<PlaceRequestDeclineHandler>();
        services.AddCardActionHandler<PlaceRequestDecisionRefreshHandler>();

        services.AddTimerJob<DiaAmEntryDateJob>();
        services.AddTimerJob<FreePlaceFlushJob>();

        services.AddConnectorRateLimit(config);
        return builder;
    }

    /// <summary>
    /// Puts a <see cref="RateLimitedConnectorClient"/> (Teams limits, section Bot:RateLimit) in front of the registered
    /// <see cref="ConnectorClient"/> — the real one or the development stand-in — so every outbound call of the app
    /// (outbox, replies, card updates) keeps within the limits. Call after the connector is registered; calling it
    /// again after replacing the connector wraps the new one.
    /// </summary>
    public static IServiceCollection AddConnectorRateLimit(this IServiceCollection services, IConfiguration config)
    {
        if (!services.Any(d => d.ServiceType == typeof(ConnectorRateLimiter)))
            services.AddSingleton(sp =>
            {
                var options = config.GetSection(RateLimitSection).Get<ConnectorRateLimitOptions>() ?? new ConnectorRateLimitOptions();
                return new ConnectorRateLimiter(options, shared: SharedTenantBudget(sp, options));
            });
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ConnectorClient));
        if (inner is null) return services;
        services.Remove(inner);
        services.AddSingleton<ConnectorClient>(sp =>
        {
            var client = inner.ImplementationInstance as ConnectorClient
                         ?? (inner.ImplementationFactory is { } factory ? (ConnectorClient)factory(sp)
                             : (ConnectorClient)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!));
            return client as RateLimitedConnectorClient ?? new RateLimitedConnectorClient(client, sp.GetRequiredService<ConnectorRateLimiter>());
        });
        return services;
    }

    /// <summary>The tenant limit shared by all instances of the app (Bot:RateLimit:Shared, on where the app has storage).</summary>
    private static SharedTenantBudget? SharedTenantBudget(IServiceProvider sp, ConnectorRateLimitOptions options)
    {
        var config = sp.GetRequiredService<IConfiguration>();
        var hasStorage = !string.IsNullOrWhiteSpace(config["Storage:ConnectionString"]) || !string.IsNullOrWhiteSpace(config["Storage:AccountName"]);
        if (!options.Enabled || !options.Shared || !hasStorage || sp.GetService<Tables>() is not { } tables) return null;
        return new SharedTenantBudget(tables.Get(TeamsAmdl.Bot.SharedTenantBudget.DefaultTable),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.EffectiveTenantId, options);
    }
}
