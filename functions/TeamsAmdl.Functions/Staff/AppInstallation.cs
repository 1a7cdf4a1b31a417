using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// Proactive installation (issue 13): a bot can message only people who have the app. With Staff:TeamsAppCatalogId set,
/// a card for someone without an active conversation reference is not queued but kept in <see cref="PendingCardStore"/>,
/// and Graph installs the app for them. Teams then sends an installationUpdate/conversationUpdate; once its conversation
/// reference is stored, <see cref="ReleaseAsync"/> moves their cards into the outbox. Exactly once: the outbox queues a
/// message key only once, so a release repeated after a crash (or by both racers below) sends nothing twice. The race
/// "card stored while the conversation arrives" is closed from both sides: the sender stores the card, then looks for
/// the reference again; the receiver stores the reference, then releases.
/// </summary>
public sealed class AppInstallation(PendingCardStore pending, ConversationReferenceStore references, Outbox outbox,
    Lazy<StaffDirectory> directory, IOptions<StaffOptions> options, TimeProvider time, ILogger<AppInstallation> log)
{
    public bool Enabled => options.Value.InstallsApp;

    /// <summary>Returns the messages to queue now; the others wait for their recipient's conversation.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> HoldUnreachableAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken ct)
    {
        if (!Enabled) return messages;
        var ready = new List<OutboundMessage>();
        foreach (var recipient in messages.GroupBy(m => (m.TenantId, Aad: m.RecipientAadObjectId)))
        {
            var (tenantId, aad) = recipient.Key;
            if (await ReachableAsync(tenantId, aad, ct))
            {
                ready.AddRange(recipient);
                continue;
            }
            foreach (var m in recipient)
                await pending.AddAsync(aad, tenantId, m.MessageKey, m.Activity, ct);
            log.LogInformation("{Count} cards held until the app is installed for {Aad}", recipient.Count(), aad);
            await RequestAsync(aad, force: false, ct);
            if (await ReachableAsync(tenantId, aad, ct))
                await ReleaseAsync(tenantId, aad, ct);
        }
        return ready;
    }

    /// <summary>Queues the held cards of one person (after their conversation reference was stored). Returns how many.</summary>
    public async Task<int> ReleaseAsync(string tenantId, string aadObjectId, CancellationToken ct)
    {
        if (!Guid.TryParse(aadObjectId, out _)) return 0;
        var cards = await pending.ListAsync(aadObjectId, ct);
        if (cards.Count > 0)
        {
            await outbox.EnqueueAsync(cards.Select(c => new OutboundMessage(c.MessageKey, string.IsNullOrEmpty(c.TenantId) ? tenantId : c.TenantId,
                aadObjectId, c.Activity)), ct);
            foreach (var card in cards) await pending.RemoveAsync(card, ct);
            log.LogInformation("{Count} held cards released for {Aad}", cards.Count, aadObjectId);
        }
        await pending.ForgetInstallationAsync(aadObjectId, ct);
        return cards.Count;
    }

    /// <summary>
    /// The timer's safety net: releases the cards of people whose conversation exists by now (a lost conversationUpdate)
    /// and asks Graph again for those still unreachable after <see cref="StaffOptions.InstallRetryAfter"/>.
    /// </summary>
    public async Task<int> RetryAsync(string tenantId, CancellationToken ct)
    {
        if (!Enabled) return 0;
        var released = 0;
        foreach (var waiting in await pending.ListInstallationsAsync(ct))
        {
            if (await ReachableAsync(tenantId, waiting.RecipientAadObjectId, ct))
                released += await ReleaseAsync(tenantId, waiting.RecipientAadObjectId, ct);
            else if (waiting.RequestedAt is not { } at || time.GetUtcNow() - at >= options.Value.InstallRetryAfter)
                await RequestAsync(waiting.RecipientAadObjectId, force: true, ct);
        }
        return released;
    }

    private async Task<bool> ReachableAsync(string tenantId, string aad, CancellationToken ct) =>
        await references.GetUserAsync(tenantId, aad, ct) is { Status: ConversationReferenceStatus.Active };

    /// <summary>Asks Graph to install the app, at most once per <see cref="StaffOptions.InstallRetryAfter"/> unless forced.</summary>
    private async Task RequestAsync(string aad, bool force, CancellationToken ct)
    {
        if (!force && await pending.GetInstallationAsync(aad, ct) is { RequestedAt: { } at } && time.GetUtcNow() - at < options.Value.InstallRetryAfter)
            return;
        // Recorded first: a failing Graph call leaves the row, so the timer tries again.
        await pending.RecordInstallationAsync(aad, ct);
        try
        {
            var installed = await directory.Value.InstallAppAsync(aad, options.Value.TeamsAppCatalogId!, ct);
            log.LogInformation("Teams app installation for {Aad}: {Outcome}", aad, installed ? "requested" : "already installed");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The cards are safe in the table; the timer asks again.
            log.LogWarning(e, "Teams app installation for {Aad} failed; the timer tries again", aad);
        }
    }
}
