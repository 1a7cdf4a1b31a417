using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// R-INFO-2: the work of a publication, run from the queue (<see cref="DigestPublishQueue"/>) after the publish request
/// has answered: builds the stored snapshot's messages, queues them 1:1 through the outbox (one key per digest, part and
/// person), posts them to the channels (<see cref="ChannelPoster"/>), queues one Maßnahmeinfo document per measure for
/// the e-Akte (<see cref="DigestFiling"/>) and keeps the whole digest as PDF (<see cref="DigestArchive"/>). Every step
/// is safe to repeat under the same publish id, so a run interrupted by a restart or repeated by "Erneut versuchen"
/// sends nothing twice. The job's state is on the digest row (Queued → Running → Done / Failed).
/// </summary>
public sealed class DigestPublishJob(
    DigestHistory history,
    DigestArchive archive,
    DigestBuilder builder,
    PersonalDigestBuilder personal,
    SubscriptionRepository subscriptions,
    DigestFiling filing,
    ChannelPoster channels,
    StaffRepository staff,
    Lazy<Proactive> bot,
    IOptions<DigestOptions> options,
    ILogger<DigestPublishJob> log)
{
    /// <summary>Runs the publication; <paramref name="lastAttempt"/>: a failure is final (the host will not run it again).</summary>
    public async Task RunAsync(string id, bool lastAttempt, CancellationToken ct)
    {
        var row = await history.GetAsync(id, ct);
        if (row is null || row.Job == DigestEntity.JobDone) return; // unknown, or a duplicate message of a finished run
        var snapshot = await archive.LoadSnapshotAsync(id, ct);
        if (snapshot is null)
        {
            log.LogError("Digest {Id}: no snapshot; the publication cannot run", id);
            row.Job = DigestEntity.JobFailed;
            row.JobError = DigestTexts.JobFailed;
            await history.UpdateAsync(row, ct);
            return;
        }
        row.Job = DigestEntity.JobRunning;
        row.JobError = null;
        await history.UpdateAsync(row, ct);
        try
        {
            await DeliverAsync(row, snapshot, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Digest {Id}: publication run failed (last attempt: {Last})", id, lastAttempt);
            var current = await history.GetAsync(id, CancellationToken.None) ?? row;
            current.Job = lastAttempt ? DigestEntity.JobFailed : DigestEntity.JobRunning;
            current.JobError = DigestTexts.JobFailed;
            await history.UpdateAsync(current, CancellationToken.None);
            if (!lastAttempt) throw; // the host runs it again
        }
    }

    private sealed record AudienceOf(string Key, (DigestAudience Audience, string Label) Value);

    /// <summary>An IFK's digest follows their free-place subscription (default: their team); anybody else's their team.</summary>
    private static AudienceOf Audience(Staff s, IReadOnlyDictionary<string, FreePlaceSubscription> subscribed, IReadOnlyDictionary<string, string> teamNames)
    {
        var team = teamNames.GetValueOrDefault(s.TeamId, DigestTexts.OwnTeam);
        if (!s.Has(StaffRole.Ifk)) return new AudienceOf("team:" + s.TeamId, (DigestAudience.Team(s.TeamId), team));
        var subscription = subscribed.GetValueOrDefault(s.Id) ?? FreePlaceSubscription.DefaultFor(s);
        var audience = DigestAudience.Of(subscription);
        var plainTeam = subscription.Teams.Count == 1 && subscription.Locations.Count == 0 && subscription.Kinds.Count == 0;
        var label = plainTeam ? teamNames.GetValueOrDefault(subscription.Teams.First(), DigestTexts.OwnTeam) : DigestTexts.Subscription;
        return new AudienceOf(audience.Key + "#" + label, (audience, label));
    }

    private async Task DeliverAsync(DigestEntity row, DigestSnapshot snapshot, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var parts = builder.Build(snapshot);
        var buildMs = watch.ElapsedMilliseconds;
        row.Parts = parts.Cards.Count;
        row.Condensed = parts.Condensed;

        var everyone = await staff.ListAsync(ct);
        var recipients = everyone
            .Where(s => (row.ToIfk && s.Has(StaffRole.Ifk)) || (row.ToTeamleitung && s.Has(StaffRole.Teamleitung)))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var reachable = recipients.Where(s => !string.IsNullOrWhiteSpace(s.AadObjectId) && s.Active).ToList();
        row.Recipients = reachable.Count;
        row.RecipientsWithoutTeams = recipients.Count - reachable.Count;
        // 1:1: each person their own digest (issue 14): the measures of their free-place subscription (IFK) or team
        // (Teamleitung) first, at most MaxPersonalParts messages. Built once per distinct audience.
        // Keys per digest, part and person, so a repeated run queues nothing twice.
        var messages = 0;
        var personalParts = 0;
        if (reachable.Count > 0)
        {
            var proactive = bot.Value;
            var subscribed = await subscriptions.ListAsync(everyone.ToDictionary(s => s.Id, StringComparer.Ordinal), ct);
            var teamNames = snapshot.Entries.GroupBy(e => e.TeamId).ToDictionary(g => g.Key, g => g.First().TeamName, StringComparer.Ordinal);
            foreach (var group in reachable.Select(s => (Staff: s, Audience: Audience(s, subscribed, teamNames))).GroupBy(x => x.Audience.Key))
            {
                var (audience, label) = group.First().Audience.Value;
                var mine = personal.Build(snapshot, audience, label);
                personalParts = Math.Max(personalParts, mine.Cards.Count);
                messages += mine.Cards.Count * group.Count();
                await Task.WhenAll(mine.Cards.Select((card, p) =>
                    proactive.SendCardAsync(group.Select(x => (x.Staff, $"digest:{row.RowKey}:{p + 1:D2}:{x.Staff.Id}")), _ => card, ct)));
            }
        }
        row.Messages = messages;
        row.PersonalParts = personalParts;
        var directMs = watch.ElapsedMilliseconds - buildMs;

        var outcomes = new List<ChannelOutcome>();
        if (row.ChannelIdList.Count > 0)
        {
            var proactive = bot.Value;
            foreach (var c in row.ChannelIdList)
            {
                var reference = await proactive.References.GetChannelAsync(proactive.TenantId, c, ct);
                outcomes.Add(reference is null
                    ? new ChannelOutcome(c, c, "failed", DigestTexts.UnknownChannel(c))
                    : await channels.PostAsync(row.RowKey, reference, parts.Cards, ct));
            }
        }
        var channelMs = watch.ElapsedMilliseconds - buildMs - directMs;

        var filed = await filing.QueueAsync(snapshot, row, ct);
        await archive.SaveFilingJobsAsync(row.RowKey, filed.JobIds, ct);
        var pdf = DigestPdf.Render(snapshot, options.Value.JobcenterName, options.Value.SoonDays);
        row.DocumentBlob = await archive.SaveDocumentAsync(snapshot, pdf, ct);
        row.DocumentName = DigestArchive.DocumentFileName(snapshot);
        var filingMs = watch.ElapsedMilliseconds - buildMs - directMs - channelMs;

        row.ChannelResults = JsonSerializer.Serialize(outcomes, DigestArchive.Json);
        row.FilingDocuments = filed.Documents;
        row.FilingProblems = filed.Problems.Count == 0 ? null : JsonSerializer.Serialize(filed.Problems, DigestArchive.Json);
        row.Status = outcomes.Any(o => o.Status != "sent") ? DigestEntity.Publishing : DigestEntity.Published;
        row.Job = DigestEntity.JobDone;
        row.JobError = null;
        await history.UpdateAsync(row, ct);
        log.LogInformation("Digest {Id} ({Week}) by {By}: {Parts} part(s), {Recipients} recipient(s), {Channels} channel(s), {Documents} e-Akte document(s) " +
            "({New} new); build {BuildMs} ms, 1:1 enqueue {DirectMs} ms, channels {ChannelMs} ms, e-Akte and PDF {FilingMs} ms, total {TotalMs} ms",
            row.RowKey, row.Week, row.PublishedById, row.Parts, row.Recipients, outcomes.Count, filed.Documents, filed.Queued, buildMs, directMs,
            channelMs, filingMs, watch.ElapsedMilliseconds);
    }
}
