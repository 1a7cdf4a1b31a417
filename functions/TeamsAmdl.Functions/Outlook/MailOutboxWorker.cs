using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>What became of one delivery attempt: done (sent, failed, parked, unknown key) or "again after Delay".</summary>
public readonly record struct MailDeliveryResult(bool Done, TimeSpan Delay)
{
    public static MailDeliveryResult Finished => new(true, TimeSpan.Zero);
    public static MailDeliveryResult Later(TimeSpan delay) => new(false, delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay);
}

/// <summary>
/// Delivers one <see cref="MailOutbox"/> message per call; never lost, never twice, Retry-After honoured.
/// <list type="number">
/// <item>Sent/Failed/Parked: done. Sending under a live lease: another attempt owns it, come back when the lease ends.
/// Pending before its NotBefore (Retry-After): come back then.</item>
/// <item>Sending after the lease: <b>in doubt</b> — the attempt died somewhere between "Sending" and "Sent" (process
/// killed, no response, 5xx other than 503). sendMail is not idempotent and Graph offers no request id, so the mailbox
/// is asked whether a mail with this message's marker exists (<see cref="GraphMail.ExistsAsync"/>): found → Sent,
/// nothing sent again; not found → sent now; the mailbox cannot be asked → nothing is sent, again later (never a guess).</item>
/// <item>Claim: Status Sending, new AttemptId, LeaseUntil = now + <see cref="OutlookOptions.SendLease"/>, under the
/// row's ETag (a second worker loses with 412).</item>
/// <item>Send. 202 → Sent. 429/503 (refused before processing) → Pending with NotBefore = Retry-After (or a backoff).
/// Other 4xx → Failed for good. Anything else (no answer, other 5xx) → left Sending: in doubt after the lease.</item>
/// </list>
/// After <see cref="OutlookOptions.MaxAttempts"/> claims (or failed look-ups) the mail is Parked for a person to check.
/// </summary>
public sealed class MailOutboxWorker(MailOutbox outbox, Lazy<GraphMail> graph, IOptions<OutlookOptions> options, TimeProvider time,
    ILogger<MailOutboxWorker> log)
{
    public async Task<MailDeliveryResult> HandleAsync(string messageKey, CancellationToken ct)
    {
        var row = await outbox.LoadAsync(messageKey.Trim(), ct);
        if (row is null)
        {
            log.LogWarning("Mail outbox: unknown key {Marker}", MailOutbox.Marker(messageKey));
            return MailDeliveryResult.Finished;
        }
        var o = options.Value;
        var now = time.GetUtcNow();
        var status = MailOutbox.Status(row);
        if (status is MailStatus.Sent or MailStatus.Failed or MailStatus.Parked) return MailDeliveryResult.Finished;
        if (status == MailStatus.Sending && row.GetDateTimeOffset("LeaseUntil") is { } lease && lease > now)
            return MailDeliveryResult.Later(lease - now);
        if (status == MailStatus.Pending && row.GetDateTimeOffset("NotBefore") is { } notBefore && notBefore > now)
            return MailDeliveryResult.Later(notBefore - now);

        var attempts = row.GetInt32("Attempts") ?? 0;
        var mail = new OutboundMail(row.GetString("Recipient")!, row.GetString("Subject") ?? "", MailOutbox.Html(row), row.PartitionKey);
        if (status == MailStatus.Sending)
        {
            bool exists;
            try
            {
                exists = await graph.Value.ExistsAsync(mail.Marker, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failures = (row.GetInt32("LookupFailures") ?? 0) + 1;
                log.LogWarning(e, "Mail {Marker} in doubt and the mailbox cannot be asked ({Failures}. time); nothing is sent", mail.Marker, failures);
                var park = failures >= o.MaxAttempts;
                await TryWriteAsync(row, new() { ["LookupFailures"] = failures, ["LastError"] = "LookupFailed" }, park ? MailStatus.Parked : null);
                return park ? MailDeliveryResult.Finished : MailDeliveryResult.Later(Backoff(failures));
            }
            if (exists)
            {
                log.LogInformation("Mail {Marker} was accepted before the crash (found in the mailbox); not sent again", mail.Marker);
                await TryWriteAsync(row, new() { ["FoundInMailbox"] = true, ["LastError"] = null }, MailStatus.Sent);
                return MailDeliveryResult.Finished;
            }
        }
        if (attempts >= o.MaxAttempts)
        {
            await TryWriteAsync(row, new() { ["LastError"] = row.GetString("LastError") ?? "MaxAttempts" }, MailStatus.Parked);
            log.LogError("Mail {Marker} parked after {Attempts} attempts", mail.Marker, attempts);
            return MailDeliveryResult.Finished;
        }

        // Claim under the ETag: of two workers only one sends.
        var attemptId = Guid.NewGuid().ToString("N");
        var claim = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Status"] = nameof(MailStatus.Sending), ["AttemptId"] = attemptId, ["LeaseUntil"] = now + o.SendLease, ["Attempts"] = attempts + 1,
        };
        ETag etag;
        try
        {
            etag = (await outbox.Table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, ct)).Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return MailDeliveryResult.Later(TimeSpan.FromSeconds(5)); // someone else moved first: look again
        }

        try
        {
            using var leaseCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            leaseCts.CancelAfter(o.SendLease - TimeSpan.FromSeconds(10)); // never still sending when a successor may look
            await graph.Value.SendAsync(mail, leaseCts.Token);
        }
        catch (MailGraphException e) when (e.NotAccepted)
        {
            var delay = e.RetryAfter ?? Backoff(attempts + 1);
            log.LogWarning("Mail {Marker}: Graph {Status}, again in {Delay}", mail.Marker, e.Status, delay);
            await WriteAsync(row.PartitionKey, etag, new() { ["LeaseUntil"] = null, ["NotBefore"] = time.GetUtcNow() + delay, ["LastError"] = e.Code },
                MailStatus.Pending);
            return MailDeliveryResult.Later(delay);
        }
        catch (MailGraphException e) when (e.IsPermanent)
        {
            log.LogError("Mail {Marker} refused by Graph for good: {Status} {Code}", mail.Marker, e.Status, e.Code);
            await WriteAsync(row.PartitionKey, etag, new() { ["LastError"] = e.Code }, MailStatus.Failed);
            return MailDeliveryResult.Finished;
        }
        // Anything else leaves the row Sending: in doubt once the lease ends (see above), then settled by the look-up.

        await WriteAsync(row.PartitionKey, etag, new() { ["LeaseUntil"] = null, ["LastError"] = null }, MailStatus.Sent);
        log.LogInformation("Mail {Marker} sent", mail.Marker);
        return MailDeliveryResult.Finished;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(1800, 30 * Math.Pow(2, Math.Max(0, attempt - 1))));

    /// <summary>Writes the outcome under the claim's ETag (ignoring cancellation: a graceful stop must not leave a sent mail Sending).</summary>
    /// Null values are left out (the row keeps the old one; the status decides what counts).
    private async Task WriteAsync(string partitionKey, ETag etag, Dictionary<string, object?> values, MailStatus status)
    {
        var patch = new TableEntity(partitionKey, "mail") { ["Status"] = status.ToString() };
        foreach (var (k, v) in values) if (v is not null) patch[k] = v;
        if (status is MailStatus.Sent or MailStatus.Failed or MailStatus.Parked) patch["CompletedAt"] = time.GetUtcNow();
        await outbox.Table.UpdateEntityAsync(patch, etag, TableUpdateMode.Merge, CancellationToken.None);
    }

    private async Task TryWriteAsync(TableEntity row, Dictionary<string, object?> values, MailStatus? status)
    {
        try
        {
            await WriteAsync(row.PartitionKey, row.ETag, values, status ?? MailOutbox.Status(row));
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // changed meanwhile: the next round reads it again
        }
    }
}
