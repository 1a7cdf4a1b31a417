using TeamsAmdl.Bot;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Digest;

/// <summary>Counts of one kind of work of a publication: how many in all, done, failed (final, not done), still open.</summary>
public sealed record ProgressCount(int Total, int Done, int Failed)
{
    public int Open => Math.Max(0, Total - Done - Failed);
}

/// <summary>
/// A publication as the tab follows it (GET api/digest/publications/{id}): the job's state, the 1:1 messages from the
/// outbox, the e-Akte documents from the filing outbox, the channel posts; <paramref name="Text"/> is the line people
/// read ("312 von 500 zugestellt · 25 von 26 Dokumenten abgelegt").
/// </summary>
public sealed record PublishProgress(
    string Id,
    string Week,
    string WeekLabel,
    string Job,
    bool Finished,
    bool Complete,
    int Percent,
    string Text,
    ProgressCount Messages,
    ProgressCount Documents,
    IReadOnlyList<ChannelOutcome> Channels,
    IReadOnlyList<string> Problems,
    bool CanRetry,
    int Parts,
    int PersonalParts,
    bool Condensed,
    int Recipients,
    int RecipientsWithoutTeams,
    string DocumentName,
    int FilingDocuments,
    IReadOnlyList<string> FilingProblems,
    int Missing,
    bool Correction,
    DateTimeOffset PublishedAt,
    string PublishedText);

/// <summary>
/// Reads a publication's progress from where the work is recorded (the outbox rows "digest:{id}:…", the filing jobs of
/// the publication, the channel results on the digest row) and, once everything is final, writes the final counts onto
/// the digest row for the history. <see cref="RetryAsync"/> puts failed messages, parked documents and an interrupted
/// or failed job back to work.
/// </summary>
public sealed class DigestProgress(DigestHistory history, DigestArchive archive, DigestFiling filing, DigestPublishQueue queue, Lazy<Proactive> bot,
    TimeProvider time)
{
    /// <summary>A job still Queued after this long never started (its queue message was lost): offered for retry.</summary>
    public static readonly TimeSpan Stalled = TimeSpan.FromMinutes(2);

    public async Task<PublishProgress?> GetAsync(string id, CancellationToken ct)
    {
        var row = await history.GetAsync(id, ct);
        if (row is null) return null;
        var job = row.Job ?? DigestEntity.JobDone;
        var outbox = await bot.Value.Outbox.ListByKeyPrefixAsync(MessagePrefix(id), ct);
        var messages = new ProgressCount(Math.Max(row.Messages, outbox.Count),
            outbox.Count(e => e.Status == OutboxStatus.Sent), outbox.Count(e => e.Status is OutboxStatus.Failed or OutboxStatus.Parked));
        var documents = await DocumentsAsync(id, row, ct);
        var channels = row.ChannelOutcomes;
        var channelsFailed = channels.Count(c => c.Status != "sent");

        var finished = job is DigestEntity.JobDone or DigestEntity.JobFailed && messages.Open == 0 && documents.Open == 0;
        var complete = finished && job == DigestEntity.JobDone && messages.Failed == 0 && documents.Failed == 0 && channelsFailed == 0;
        // Until the job has queued everything the totals are not known: the job itself counts as one step.
        var steps = messages.Total + documents.Total + row.ChannelIdList.Count + 1;
        var done = messages.Done + messages.Failed + documents.Done + documents.Failed + channels.Count + (job == DigestEntity.JobDone ? 1 : 0);
        var percent = complete ? 100 : Math.Min(99, (int)(100L * done / steps));

        var problems = new List<string>();
        var stalled = job == DigestEntity.JobQueued && time.GetUtcNow() - (row.JobQueuedAt ?? row.PublishedAt) > Stalled;
        if (stalled) problems.Add(DigestTexts.JobStalled);
        else if (row.JobError is { } error) problems.Add(error);
        if (messages.Failed > 0) problems.Add(DigestTexts.MessagesFailed(messages.Failed));
        if (documents.Failed > 0) problems.Add(DigestTexts.DocumentsParked(documents.Failed));
        problems.AddRange(channels.Where(c => c.Status != "sent" && c.Message is not null).Select(c => c.Message!));
        var canRetry = stalled || job == DigestEntity.JobFailed || (job == DigestEntity.JobDone && (messages.Failed > 0 || documents.Failed > 0 || channelsFailed > 0));

        if (finished && (row.DeliveredMessages != messages.Done || row.FailedMessages != messages.Failed || row.FiledDocuments != documents.Done))
        {
            row.DeliveredMessages = messages.Done;
            row.FailedMessages = messages.Failed;
            row.FiledDocuments = documents.Done;
            await history.UpdateAsync(row, ct);
        }

        var text = job switch
        {
            DigestEntity.JobQueued when !stalled => DigestTexts.JobQueued,
            DigestEntity.JobRunning when row.Messages == 0 && documents.Total == 0 => DigestTexts.JobRunning,
            _ => DigestTexts.Progress(messages.Done, messages.Total, documents.Done, documents.Total),
        };
        return new PublishProgress(row.RowKey, row.Week, WeekKey.Parse(row.Week).Label, job, finished, complete, percent, text, messages, documents,
            channels, problems, canRetry, row.Parts, row.PersonalParts, row.Condensed, row.Recipients, row.RecipientsWithoutTeams, row.DocumentName ?? "",
            row.FilingDocuments, row.FilingProblemList, row.Missing, row.Correction, row.PublishedAt, DigestTexts.PublishedOn(row.PublishedAt));
    }

    /// <summary>
    /// "Erneut versuchen": failed or parked 1:1 messages and parked documents go back to work, and the job runs again when
    /// it failed, never started, or a channel post failed (its steps skip what is done). False when there was nothing to retry.
    /// </summary>
    public async Task<bool?> RetryAsync(string id, CancellationToken ct)
    {
        var progress = await GetAsync(id, ct);
        if (progress is null) return null;
        if (!progress.CanRetry) return false;
        var outbox = bot.Value.Outbox;
        foreach (var e in await outbox.ListByKeyPrefixAsync(MessagePrefix(id), ct))
            if (e.Status is OutboxStatus.Failed or OutboxStatus.Parked)
                await outbox.RequeueAsync(e.MessageKey, ct);
        if (filing.Outbox is { } files)
            foreach (var jobId in await archive.LoadFilingJobsAsync(id, ct))
                if (await files.GetAsync(jobId, ct) is { Status: FilingStatus.Parked })
                    await files.RequeueAsync(jobId, ct);
        if (progress.Job != DigestEntity.JobDone || progress.Channels.Any(c => c.Status != "sent"))
        {
            var row = (await history.GetAsync(id, ct))!;
            row.Job = DigestEntity.JobQueued;
            row.JobError = null;
            row.JobQueuedAt = time.GetUtcNow();
            await history.UpdateAsync(row, ct);
            await queue.SendAsync(id, ct);
        }
        return true;
    }

    public static string MessagePrefix(string id) => $"digest:{id}:";

    private async Task<ProgressCount> DocumentsAsync(string id, DigestEntity row, CancellationToken ct)
    {
        if (filing.Outbox is not { } files || row.FilingDocuments == 0) return new ProgressCount(row.FilingDocuments, 0, 0);
        var ids = await archive.LoadFilingJobsAsync(id, ct);
        var filed = 0;
        var parked = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (jobId, token) =>
        {
            switch ((await files.GetAsync(jobId, token))?.Status)
            {
                case FilingStatus.Filed: Interlocked.Increment(ref filed); break;
                case FilingStatus.Parked: Interlocked.Increment(ref parked); break;
            }
        });
        return new ProgressCount(Math.Max(row.FilingDocuments, ids.Count), filed, parked);
    }
}
