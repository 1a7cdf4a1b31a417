using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// The deadlines of every measure in a window, computed from the measures and participations (<see cref="DeadlineCalendar"/>)
/// and joined with their marks; and the writes to the marks (received, notices sent). Items are never stored: a changed
/// exit changes the item's key, and the old one simply drops out.
/// </summary>
public sealed class DeadlineStore(MeasureRepository measures, DeadlineTables tables)
{
    /// <summary>How far back the app tracks deadlines: older ones are history (they stay marked, nobody is reminded).</summary>
    public const int LookbackDays = 92;

    /// <summary>How far ahead the Fristen view shows what is coming.</summary>
    public const int HorizonDays = 31;

    /// <summary>Every item due in [<paramref name="from"/>, <paramref name="until"/>], closed measures included (reports after the end).</summary>
    public async Task<IReadOnlyList<TrackedDeadline>> LoadAsync(DateOnly from, DateOnly until, CancellationToken ct)
    {
        // Participations that ended up to a month before the window can still have a deadline in it (2 weeks + a holiday).
        var states = await measures.ListAsync(from.AddDays(-31), ct, includeClosed: true);
        var marks = new Dictionary<(string, string), DeadlineMark>();
        await foreach (var mark in tables.Marks.QueryAsync<DeadlineMark>(
                           TableClient.CreateQueryFilter($"Due ge {StoredDate.Write(from)} and Due le {StoredDate.Write(until)}"), cancellationToken: ct))
            marks[(mark.PartitionKey, mark.RowKey)] = mark;
        return states
            .SelectMany(s => DeadlineCalendar.For(s.Measure, s.Participations, from, until)
                .Select(i => new TrackedDeadline(s.Measure, i, marks.GetValueOrDefault((s.Measure.Number, i.Key)))))
            .ToList();
    }

    /// <summary>Marks the item received on <paramref name="day"/>; a second mark keeps the first (idempotent).</summary>
    public Task<DeadlineMark> MarkReceivedAsync(DeadlineItem item, Staff by, DateOnly day, DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(item, mark =>
        {
            if (mark.ReceivedOn is not null) return false;
            mark.ReceivedOn = StoredDate.Write(day);
            mark.ReceivedBy = by.Id;
            mark.ReceivedAt = now;
            return true;
        }, ct);

    /// <summary>Records that <paramref name="stage"/> of the item went out (after its cards were queued under their keys).</summary>
    public Task<DeadlineMark> MarkSentAsync(DeadlineItem item, NoticeStage stage, CancellationToken ct) =>
        ChangeAsync(item, mark =>
        {
            if (mark.SentStages.Contains(stage.ToString())) return false;
            mark.Sent = string.Join(",", mark.SentStages.Append(stage.ToString()).Order(StringComparer.Ordinal));
            return true;
        }, ct);

    /// <summary>R-TN-1: stores the Erwartungsbogen (a corrected text replaces the earlier one); recorded = received.</summary>
    public Task<DeadlineMark> RecordExpectationAsync(DeadlineItem item, Staff by, string expectation, DateOnly target, DateOnly day,
        DateTimeOffset now, CancellationToken ct) =>
        ChangeAsync(item, mark =>
        {
            mark.Expectation = expectation;
            mark.TargetDate = StoredDate.Write(target);
            mark.ReceivedOn ??= StoredDate.Write(day);
            mark.ReceivedBy ??= by.Id;
            mark.ReceivedAt ??= now;
            return true;
        }, ct);

    public Task<DeadlineMark> SetFilingPathAsync(DeadlineItem item, string path, CancellationToken ct) =>
        ChangeAsync(item, mark =>
        {
            if (mark.FilingPath == path) return false;
            mark.FilingPath = path;
            return true;
        }, ct);

    /// <summary>Every recorded expectation by (measure, customer reference), for the Feedbackbogen beside it.</summary>
    public async Task<IReadOnlyDictionary<(string Measure, string Ref), string>> ExpectationsAsync(CancellationToken ct)
    {
        var prefix = DeadlineKind.Erwartungsbogen + ":";
        var result = new Dictionary<(string, string), string>();
        await foreach (var mark in tables.Marks.QueryAsync<DeadlineMark>(
                           TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {DeadlineKind.Erwartungsbogen + ";"}"), cancellationToken: ct))
            if (mark.Expectation is { } text) result[(mark.PartitionKey, mark.RowKey.Split(':')[1])] = text;
        return result;
    }

    /// <summary>Read the mark (or start one), change it, write it under its ETag; a concurrent write (412/409) reads again.</summary>
    private Task<DeadlineMark> ChangeAsync(DeadlineItem item, Func<DeadlineMark, bool> change, CancellationToken ct) =>
        Optimistic.RetryAsync(async ct =>
        {
            var existing = await tables.Marks.GetEntityIfExistsAsync<DeadlineMark>(item.MeasureNumber, item.Key, cancellationToken: ct);
            var mark = existing.HasValue ? existing.Value! : new DeadlineMark { PartitionKey = item.MeasureNumber, RowKey = item.Key };
            if (!change(mark)) return mark;
            mark.Due = StoredDate.Write(item.Due);
            if (existing.HasValue) await tables.Marks.UpdateEntityAsync(mark, mark.ETag, TableUpdateMode.Replace, ct);
            else await tables.Marks.AddEntityAsync(mark, ct);
            return mark;
        }, cancellationToken: ct);
}
