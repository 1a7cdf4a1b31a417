using Azure;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Digest;

/// <summary>One part of a digest in one channel (table DigestDeliveries).</summary>
public sealed class DigestDeliveryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    /// <summary>Sending, Sent or Failed.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset AttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? ActivityId { get; set; }
    public string? ErrorCode { get; set; }
    public string? Error { get; set; }
    /// <summary>Sent was recorded from the channel's copy after an attempt with unknown outcome.</summary>
    public bool FoundByReadBack { get; set; }
}

/// <summary>
/// Posts a digest into a team channel through the bot's channel conversation reference (recorded when the bot was
/// added to the team). The proactive outbox addresses personal chats only, so channel posts keep their own status
/// row per (digest, channel, part): claimed as Sending, then Sent with the activity id, or Failed with the reason.
/// A part that is Sent is never posted again when the publication is repeated; a Failed one is tried again. A
/// Sending one older than <see cref="InDoubtAfter"/> (the process died during the post) is in doubt: every post
/// carries the part's <see cref="DeliveryMarker"/>, and with an <see cref="IDeliveryReadBack"/> the channel is read
/// back first (found: Sent, not posted again; not found: posted; cannot tell: nothing is posted). Without a read-back
/// it is posted again (at-least-once, like the outbox's Resend policy).
/// </summary>
public sealed class ChannelPoster(DigestTables tables, Lazy<ConnectorClient> connectorClient,
    Lazy<IDeliveryReadBack?> deliveryReadBack, Lazy<Proactive> proactive, TimeProvider time, ILogger<ChannelPoster> log)
{
    public static readonly TimeSpan InDoubtAfter = TimeSpan.FromMinutes(2);

    public async Task<ChannelOutcome> PostAsync(string digestId, StoredConversationReference channel, IReadOnlyList<AdaptiveCard> cards,
        CancellationToken ct)
    {
        var name = DisplayName(channel);
        if (channel.Status != ConversationReferenceStatus.Active || string.IsNullOrEmpty(channel.ServiceUrl) || string.IsNullOrEmpty(channel.ConversationId))
            return new ChannelOutcome(channel.Key, name, "failed", DigestTexts.BotNotInChannel(name));
        var table = await tables.GetAsync(DigestTables.DeliveriesTable, ct);
        var connector = connectorClient.Value;
        for (var part = 0; part < cards.Count; part++)
        {
            var rowKey = TableKeys.Escape($"channel|{channel.Key}|{part + 1:D2}");
            var existing = await table.GetEntityIfExistsAsync<DigestDeliveryEntity>(digestId, rowKey, cancellationToken: ct);
            var now = time.GetUtcNow();
            var row = existing.HasValue ? existing.Value! : null;
            if (row?.Status == "Sent") continue;
            if (row?.Status == "Sending" && now - row.AttemptAt < InDoubtAfter)
                return new ChannelOutcome(channel.Key, name, "pending", DigestTexts.ChannelInProgress(name));
            var marker = DeliveryMarker.For($"digest:{digestId}:channel:{channel.Key}:{part + 1:D2}");
            if (row?.Status == "Sending" && deliveryReadBack.Value is { } readBack)
            {
                string? found;
                try
                {
                    found = await readBack.FindAsync(new DeliveryLookup(channel.TenantId, null, channel.ServiceUrl, channel.ConversationId, marker,
                        row.AttemptAt - TimeSpan.FromMinutes(5)) { TeamAadGroupId = channel.TeamAadGroupId }, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Digest {DigestId}: part {Part} in channel {Channel} in doubt and the read-back failed; not posted again", digestId, part + 1, channel.Key);
                    return new ChannelOutcome(channel.Key, name, "failed", DigestTexts.ChannelInDoubt(name));
                }
                if (found is not null)
                {
                    row.Status = "Sent";
                    row.ActivityId = found;
                    row.FoundByReadBack = true;
                    try
                    {
                        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                    }
                    catch (RequestFailedException e) when (e.Status == 412)
                    {
                        return new ChannelOutcome(channel.Key, name, "pending", DigestTexts.ChannelInProgress(name));
                    }
                    log.LogInformation("Digest {DigestId}: part {Part} in channel {Channel} was in doubt and is there ({ActivityId}); not posted again", digestId, part + 1, channel.Key, found);
                    continue;
                }
            }

            var claim = new DigestDeliveryEntity
            {
                PartitionKey = digestId, RowKey = rowKey, Status = "Sending", AttemptAt = now, Attempts = (row?.Attempts ?? 0) + 1,
            };
            try
            {
                if (row is null) await table.AddEntityAsync(claim, ct);
                else await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, ct);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return new ChannelOutcome(channel.Key, name, "pending", DigestTexts.ChannelInProgress(name));
            }

            try
            {
                DeliveryMarker.TryStamp(DigestMessages.ToActivity(cards[part]), marker, out var activity);
                activity.Conversation = new ConversationAccount { Id = channel.ConversationId };
                var sent = await connector.SendToConversationAsync(channel.ServiceUrl, channel.ConversationId, activity, ct);
                claim.Status = "Sent";
                claim.ActivityId = sent.Id;
                await table.UpsertEntityAsync(claim, TableUpdateMode.Replace, CancellationToken.None);
            }
            catch (ConnectorException e)
            {
                claim.Status = "Failed";
                claim.ErrorCode = e.ErrorCode ?? $"HTTP {e.Status}";
                claim.Error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await table.UpsertEntityAsync(claim, TableUpdateMode.Replace, CancellationToken.None);
                log.LogWarning(e, "Digest {DigestId}: posting part {Part} to channel {Channel} failed ({Code})", digestId, part + 1, channel.Key, claim.ErrorCode);
                if (e.Status is 403 or 404)
                {
                    // The bot was removed from the team or the channel is gone: remember it, so the tab stops offering it.
                    await proactive.Value.References.MarkGoneAsync(channel.TenantId, ConversationKind.Channel, channel.Key, ct);
                    return new ChannelOutcome(channel.Key, name, "failed", DigestTexts.BotNotInChannel(name));
                }
                return new ChannelOutcome(channel.Key, name, "failed", DigestTexts.ChannelTransient(name));
            }
        }
        return new ChannelOutcome(channel.Key, name, "sent", null);
    }

    public static string DisplayName(StoredConversationReference c) =>
        string.IsNullOrWhiteSpace(c.ChannelName)
            ? string.IsNullOrWhiteSpace(c.TeamName) ? c.Key : c.TeamName!
            : string.IsNullOrWhiteSpace(c.TeamName) ? c.ChannelName! : $"{c.TeamName} › {c.ChannelName}";
}
