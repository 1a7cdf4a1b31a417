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
/// <param name="Correction">The week was published already: send again, marked as a correction (409 <c>already_published</c> without it).</param>
public sealed record PublishRequest(string? PublishId, IReadOnlyList<string>? Channels, bool Ifk, bool Teamleitung, bool ConfirmMissing,
    bool Correction = false);

/// <summary>The answer to a publish request (202): the publication runs as a job; its progress is at <paramref name="StatusUrl"/>.</summary>
public sealed record PublishAccepted(string Id, string Week, string WeekLabel, string Status, bool Correction, bool Repeated, string StatusUrl);

/// <summary>Outcome of <see cref="DigestPublisher.PublishAsync"/>.</summary>
public abstract record PublishOutcome
{
    public sealed record Accepted(PublishAccepted Result) : PublishOutcome;
    /// <summary>The week was published before and the request is not marked as a correction.</summary>
    public sealed record AlreadyPublished(string Message, DigestEntity Earlier) : PublishOutcome;
    public sealed record NeedsConfirmation(string Message, IReadOnlyList<MissingInput> Missing) : PublishOutcome;
    public sealed record ChannelsNotReady(IReadOnlyList<ChannelOutcome> Channels) : PublishOutcome;
    public sealed record Invalid(string Message) : PublishOutcome;
    /// <summary>The publish id was first used for another week or other targets: a new publication needs a new id.</summary>
    public sealed record PublishIdReused(string Message) : PublishOutcome;
    /// <summary>The week is neither the current nor the previous one: its digest would tell about a past or future week.</summary>
    public sealed record WeekNotPublishable(string Message) : PublishOutcome;
}

/// <summary>
/// R-INFO-2: accepts the week's digest for publication and answers at once. In this order, each step safe to repeat
/// under the same publish id: (1) check week, targets and missing inputs (ask for confirmation, naming them) and whether
/// the week was published before (only as a marked correction); (2) freeze the rows as a snapshot (blob) and record the
/// digest (status Publishing, job Queued); (3) queue the job (<see cref="DigestPublishQueue"/>), which sends, posts and
/// files (<see cref="DigestPublishJob"/>). A repeated request returns the same publication and queues nothing.
/// </summary>
public sealed class DigestPublisher(
    WeekService weeks,
    DigestHistory history,
    DigestArchive archive,
    DigestPublishQueue queue,
    Lazy<Proactive> bot,
    IOptions<DigestOptions> options,
    TimeProvider time)
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
            if (await archive.LoadSnapshotAsync(id, ct) is not null) return new PublishOutcome.Accepted(Accepted(row, repeated: true));
        }

        if (channelIds.Count == 0 && !request.Ifk && !request.Teamleitung)
            return new PublishOutcome.Invalid(DigestTexts.NoTargets);

        // The week and its earlier publication are read together: the request answers within a second (issue 14).
        var earlierTask = history.LatestOfWeekAsync(week.ToString(), ct);
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

        // Asked last, after everything the coordinator must fix anyway.
        var earlier = await earlierTask;
        if (earlier is not null && !request.Correction)
            return new PublishOutcome.AlreadyPublished(DigestTexts.AlreadyPublished(week.Label, earlier.PublishedAt, earlier.PublishedByName), earlier);

        var now = time.GetUtcNow();
        var snapshot = new DigestSnapshot(id, week.ToString(), by.Id, by.DisplayName, now, data.Today, tabUrl,
            data.Entries, earlier?.PublishedAt);
        if (!await archive.SaveSnapshotAsync(snapshot, ct))
            snapshot = await archive.LoadSnapshotAsync(id, ct) ?? snapshot; // a concurrent first run won
        if (snapshot.Week != week.ToString()) return new PublishOutcome.PublishIdReused(DigestTexts.PublishIdReused); // …for another week
        var totals = DigestTotals.Of(snapshot.Entries, snapshot.Today, options.Value.SoonDays);
        row = new DigestEntity
        {
            RowKey = id, Week = snapshot.Week, PublishedById = snapshot.PublishedById, PublishedByName = snapshot.PublishedByName,
            PublishedAt = snapshot.PublishedAt, Measures = totals.Measures, Missing = totals.Missing, FreePlaces = totals.FreePlaces,
            ChannelIds = JsonSerializer.Serialize(channelIds), ToIfk = request.Ifk, ToTeamleitung = request.Teamleitung, RequestHash = fingerprint,
            Correction = snapshot.CorrectsPublishedAt is not null, Job = DigestEntity.JobQueued, JobQueuedAt = now,
        };
        if (!await history.TryAddAsync(row, ct))
        {
            // A concurrent first request won: it queues the job.
            row = await history.GetAsync(id, ct) ?? row;
            if (RequestFingerprint.Conflicts(row.RequestHash, fingerprint)) return new PublishOutcome.PublishIdReused(DigestTexts.PublishIdReused);
            return new PublishOutcome.Accepted(Accepted(row, repeated: true));
        }
        await queue.SendAsync(id, ct);
        return new PublishOutcome.Accepted(Accepted(row, repeated: false));
    }

    private static PublishAccepted Accepted(DigestEntity row, bool repeated) => new(row.RowKey, row.Week, WeekKey.Parse(row.Week).Label,
        row.Job ?? DigestEntity.JobDone, row.Correction, repeated, StatusUrl(row.RowKey));

    public static string StatusUrl(string id) => $"/api/digest/publications/{id}";
}
