using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Digest;

/// <summary>What the coordinator asks for: where to post, and whether missing inputs are accepted.</summary>
/// <param name="PublishId">Chosen by the tab once per "Veröffentlichen" (a GUID): repeating the request (double click,
/// retry after a timeout) continues the same publication instead of starting a second one.</param>
public sealed record PublishRequest(string? PublishId, IReadOnlyList<string>? Channels, bool Ifk, bool Teamleitung, bool ConfirmMissing);

public sealed record PublishResult(
    string Id,
    string Week,
    string WeekLabel,
    int Parts,
    bool Condensed,
    int Recipients,
    int RecipientsWithoutTeams,
    IReadOnlyList<ChannelOutcome> Channels,
    string DocumentName,
    int FilingDocuments,
    IReadOnlyList<string> FilingProblems,
    int Missing,
    bool Repeated);

/// <summary>Outcome of <see cref="DigestPublisher.PublishAsync"/>.</summary>
public abstract record PublishOutcome
{
    public sealed record Done(PublishResult Result) : PublishOutcome;
    public sealed record NeedsConfirmation(string Message, IReadOnlyList<MissingInput> Missing) : PublishOutcome;
    public sealed record ChannelsNotReady(IReadOnlyList<ChannelOutcome> Channels) : PublishOutcome;
    public sealed record Invalid(string Message) : PublishOutcome;
    /// <summary>The publish id was first used for another week or other targets: a new publication needs a new id.</summary>
    public sealed record PublishIdReused(string Message) : PublishOutcome;
    /// <summary>The week is neither the current nor the previous one: its digest would tell about a past or future week.</summary>
    public sealed record WeekNotPublishable(string Message) : PublishOutcome;
}

/// <summary>
/// R-INFO-2: publishes the week's digest. In this order, each step safe to repeat under the same publish id:
/// (1) check targets and missing inputs (ask for confirmation, naming them); (2) freeze the rows as a snapshot (blob)
/// and record the digest (status Publishing); (3) queue the parts 1:1 through the durable outbox (one key per digest,
/// part and person) and post them to the channels (<see cref="ChannelPoster"/>); (4) queue one Maßnahmeinfo document
/// per measure for the e-Akte (<see cref="DigestFiling"/>, TeamsAmdl.Filing) and keep the whole digest as PDF for the
/// history (<see cref="DigestArchive"/>); (5) mark the digest Published. A repeated request for a Published id
/// returns its result; for one still Publishing it resumes from the stored snapshot and targets.
/// </summary>
public sealed class DigestPublisher(
    WeekService weeks,
    DigestHistory history,
    DigestArchive archive,
    DigestBuilder builder,
    DigestFiling filing,
    ChannelPoster channels,
    StaffRepository staff,
    Lazy<Proactive> bot,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestPublisher> log)
{
    public async Task<PublishOutcome> PublishAsync(WeekKey week, PublishRequest request, Staff by, string? tabUrl, CancellationToken ct)
    {
        // Before anything else, repeats included: cards to every IFK and e-Akte documents cannot be withdrawn (issue 12).
        var current = WeekKey.Current(time);
        if (!week.IsCurrentOrPreviousOf(current))
            return new PublishOutcome.WeekNotPublishable(DigestTexts.WeekNotPublishable(current));

        var id = request.PublishId?.Trim() ?? "";
        if (id.Length is < 8 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return new PublishOutcome.Invalid(DigestTexts.InvalidPublishId);

        var channelIds = (request.Channels ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var fingerprint = RequestFingerprint.Of("POST api/digest/weeks/{week}/publish", week.ToString(),
            channelIds.Order(StringComparer.Ordinal).ToArray(), request.Ifk, request.Teamleitung);
        var row = await history.GetAsync(id, ct);
        if (row is not null)
        {
            if (RequestFingerprint.Conflicts(row.RequestHash, fingerprint)) return new PublishOutcome.PublishIdReused(DigestTexts.PublishIdReused);
            if (row.Status == DigestEntity.Published) return new PublishOutcome.Done(Result(row, repeated: true));
            var stored = await archive.LoadSnapshotAsync(id, ct);
            if (stored is not null) return new PublishOutcome.Done(await DeliverAsync(row, stored, repeated: true, ct));
        }

        if (channelIds.Count == 0 && !request.Ifk && !request.Teamleitung)
            return new PublishOutcome.Invalid(DigestTexts.NoTargets);

        var data = await weeks.LoadAsync(week, ct);
        var missing = data.Missing;
        if (missing.Count > 0 && !request.ConfirmMissing)
            return new PublishOutcome.NeedsConfirmation(
                DigestTexts.MissingInputs(MissingInputs.Describe(missing, s => data.Names.Staff.GetValueOrDefault(s, s))), missing);

        if (channelIds.Count > 0)
        {
            var proactive = bot.Value;
            var problems = new List<ChannelOutcome>();
            foreach (var c in channelIds)
            {
                var reference = await proactive.References.GetChannelAsync(proactive.TenantId, c, ct);
                if (reference is null)
                    problems.Add(new ChannelOutcome(c, c, "failed", DigestTexts.UnknownChannel(c)));
                else if (reference.Status != ConversationReferenceStatus.Active)
                    problems.Add(new ChannelOutcome(c, ChannelPoster.DisplayName(reference), "failed", DigestTexts.BotNotInChannel(ChannelPoster.DisplayName(reference))));
            }
            if (problems.Count > 0) return new PublishOutcome.ChannelsNotReady(problems);
        }

        var now = time.GetUtcNow();
        var snapshot = new DigestSnapshot(id, week.ToString(), by.Id, by.DisplayName, now, data.Today, tabUrl,
            data.Entries);
        await archive.SaveSnapshotAsync(snapshot, ct);
        snapshot = await archive.LoadSnapshotAsync(id, ct) ?? snapshot; // a concurrent first run may have won
        if (snapshot.Week != week.ToString()) return new PublishOutcome.PublishIdReused(DigestTexts.PublishIdReused); // …for another week
        var totals = DigestTotals.Of(snapshot.Entries, snapshot.Today, options.Value.SoonDays);
        row = new DigestEntity
        {
            RowKey = id, Week = snapshot.Week, PublishedById = snapshot.PublishedById, PublishedByName = snapshot.PublishedByName,
            PublishedAt = snapshot.PublishedAt, Measures = totals.Measures, Missing = totals.Missing, FreePlaces = totals.FreePlaces,
            ChannelIds = JsonSerializer.Serialize(channelIds), ToIfk = request.Ifk, ToTeamleitung = request.Teamleitung, RequestHash = fingerprint,
        };
        if (!await history.TryAddAsync(row, ct))
        {
            row = await history.GetAsync(id, ct) ?? row;
            if (RequestFingerprint.Conflicts(row.RequestHash, fingerprint)) return new PublishOutcome.PublishIdReused(DigestTexts.PublishIdReused);
        }
        return new PublishOutcome.Done(await DeliverAsync(row, snapshot, repeated: false, ct));
    }

    /// <summary>Sends the stored snapshot to the stored targets, files the document, marks the digest Published.</summary>
    private async Task<PublishResult> DeliverAsync(DigestEntity row, DigestSnapshot snapshot, bool repeated, CancellationToken ct)
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
        var reachable = recipients.Where(s => !string.IsNullOrWhiteSpace(s.AadObjectId)).ToList();
        row.Recipients = reachable.Count;
        row.RecipientsWithoutTeams = recipients.Count - reachable.Count;

        // One after the other (on one storage account they only compete); each step is safe to repeat.
        // 1:1 through the outbox: keys per digest, part and person, so a repeated run queues nothing twice.
        if (reachable.Count > 0)
        {
            var proactive = bot.Value;
            await Task.WhenAll(parts.Cards.Select((card, p) =>
                proactive.SendCardAsync(reachable.Select(s => (s, $"digest:{row.RowKey}:{p + 1:D2}:{s.Id}")), _ => card, ct)));
        }
        var directMs = watch.ElapsedMilliseconds - buildMs;

        // Channels through their conversation references.
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

        // The e-Akte: one Maßnahmeinfo document per measure through the filing outbox; the whole digest as PDF for the history.
        var filed = await filing.QueueAsync(snapshot, row, ct);
        var pdf = DigestPdf.Render(snapshot, options.Value.JobcenterName, options.Value.SoonDays);
        row.DocumentBlob = await archive.SaveDocumentAsync(snapshot, pdf, ct);
        row.DocumentName = DigestArchive.DocumentFileName(snapshot);
        var filingMs = watch.ElapsedMilliseconds - buildMs - directMs - channelMs;

        row.ChannelResults = JsonSerializer.Serialize(outcomes, DigestArchive.Json);
        row.FilingDocuments = filed.Documents;
        row.FilingProblems = filed.Problems.Count == 0 ? null : JsonSerializer.Serialize(filed.Problems, DigestArchive.Json);

        row.Status = outcomes.Any(o => o.Status != "sent") ? DigestEntity.Publishing : DigestEntity.Published;
        await history.UpdateAsync(row, ct);
        log.LogInformation("Digest {Id} ({Week}) by {By}: {Parts} part(s), {Recipients} recipient(s), {Channels} channel(s), {Documents} e-Akte document(s) " +
            "({New} new); build {BuildMs} ms, 1:1 enqueue {DirectMs} ms, channels {ChannelMs} ms, e-Akte and PDF {FilingMs} ms, total {TotalMs} ms",
            row.RowKey, row.Week, row.PublishedById, row.Parts, row.Recipients, outcomes.Count, filed.Documents, filed.Queued, buildMs, directMs,
            channelMs, filingMs, watch.ElapsedMilliseconds);
        return Result(row, repeated);
    }

    private static PublishResult Result(DigestEntity row, bool repeated) => new(row.RowKey, row.Week, WeekKey.Parse(row.Week).Label, row.Parts,
        row.Condensed, row.Recipients, row.RecipientsWithoutTeams, row.ChannelOutcomes, row.DocumentName ?? "", row.FilingDocuments,
        row.FilingProblemList, row.Missing, repeated);
}
