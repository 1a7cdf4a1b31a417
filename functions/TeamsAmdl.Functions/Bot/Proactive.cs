using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Staffing;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Proactive messages to staff (alerts, reminders, digests): through the durable outbox (bot/TeamsAmdl.Bot/Proactive),
/// delivered by the queue-triggered function outbox-deliver (Bot/Functions/OutboxQueueTrigger.cs). Callers give an idempotency key per message and recipient, so a
/// retried feature run never sends twice.
/// </summary>
public sealed class Proactive(Outbox outbox, ConversationReferenceStore references, AppInstallation installation, IOptions<BotOptions> options)
{
    public Outbox Outbox { get; } = outbox;
    public ConversationReferenceStore References { get; } = references;
    public string TenantId => options.Value.EffectiveTenantId;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await References.CreateIfNotExistsAsync(ct);
        await Outbox.CreateIfNotExistsAsync(ct);
    }

    /// <summary>
    /// Queues a card for each recipient; the key must identify the message for that recipient. Deactivated staff get
    /// nothing; cards for people the bot cannot reach yet wait until the app is installed for them (<see cref="AppInstallation"/>).
    /// </summary>
    public async Task<EnqueueResult> SendCardAsync(IEnumerable<(Staff To, string MessageKey)> recipients, Func<Staff, AdaptiveCard> card,
        CancellationToken ct)
    {
        var messages = new List<OutboundMessage>();
        foreach (var (to, key) in recipients)
        {
            if (!to.Active) continue;
            if (string.IsNullOrWhiteSpace(to.AadObjectId))
                throw new InvalidOperationException($"Staff member {to.Id} has no AAD object id and cannot be reached in Teams.");
            var content = card(to).ToJsonObject();
            CardRequestIds.Stamp(content);
            messages.Add(new OutboundMessage(key, TenantId, to.AadObjectId, new Activity
            {
                Type = ActivityTypes.Message,
                Locale = "de-DE",
                Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = content }],
            }));
        }
        return await Outbox.EnqueueAsync(await installation.HoldUnreachableAsync(messages, ct), ct);
    }

    /// <summary>Replaces an already delivered card everywhere it is shown (e.g. a taken place no longer shows as free).</summary>
    public Task UpdateCardAsync(string messageKey, AdaptiveCard card, CancellationToken ct)
    {
        var content = card.ToJsonObject();
        CardRequestIds.Stamp(content);
        return Outbox.UpdateSentAsync(messageKey, new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = content }],
        }, ct);
    }
}

/// <summary>
/// Feeds install/uninstall and conversation updates into the outbox's conversation reference store; a person who can
/// be reached now gets the cards that waited for the app's installation.
/// </summary>
public sealed class StoreConversationReferenceRecorder(ConversationReferenceStore store, AppInstallation installation) : IConversationReferenceRecorder
{
    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var stored = await store.RecordAsync(activity, cancellationToken);
        if (!installation.Enabled) return;
        foreach (var user in stored.Where(r => r is { Kind: ConversationKind.User, Status: ConversationReferenceStatus.Active, AadObjectId: not null }))
            await installation.ReleaseAsync(user.TenantId, user.AadObjectId!, cancellationToken);
    }
}

public static class ProactiveSetup
{
    public const string ReferencesTable = "ConversationReferences";
    public const string OutboxTable = "Outbox";
    public const string OutboxQueue = "outbox";

    public static IServiceCollection AddProactive(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => new ConversationReferenceStore(sp.GetRequiredService<Repositories.Tables>().Get(ReferencesTable),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Outbox(sp.GetRequiredService<Repositories.Tables>().Get(OutboxTable),
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageSetup.Prefixed(config, OutboxQueue)),
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new OutboxWorker(sp.GetRequiredService<Outbox>(), sp.GetRequiredService<ConversationReferenceStore>(),
                sp.GetRequiredService<ConnectorClient>(),
                new OutboxWorkerOptions { BotId = "28:" + o.EffectiveAppId, ServiceUrl = o.ServiceUrl, InDoubt = o.InDoubt },
                sp.GetRequiredService<ILogger<OutboxWorker>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IDeliveryReadBack>());
        });
        services.AddSingleton<Proactive>();
        services.AddSingleton<OutboxPoison>();
        services.AddSingleton<IConversationReferenceRecorder, StoreConversationReferenceRecorder>();
        return services;
    }
}
