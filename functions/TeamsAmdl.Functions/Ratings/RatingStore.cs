using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// Rating requests (table RatingRequests). One partition per request: the request row, one assignment row per
/// assessor, their page drafts and justifications. All rows of a request form an entity group, so saving a page
/// (page row + assignment progress) and submitting (assignment status + result + final justifications) are single
/// transactions under the assignment row's ETag: a concurrent close or a second submit makes them fail with 412 and
/// write nothing.
/// </summary>
public sealed class RatingStore(RatingTables tables)
{
    private TableClient Table => tables.Requests;

    /// <summary>Request row and assignments in one transaction; false when the id exists already (nothing written).</summary>
    public async Task<bool> CreateAsync(RatingRequestRow request, IReadOnlyList<AssignmentRow> assignments, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, request.ToEntity()) };
        actions.AddRange(assignments.Select(a => new TableTransactionAction(TableTransactionActionType.Add, a.ToEntity())));
        try
        {
            await Table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The whole partition of a request (bounded by assessors × pages); null when there is no such request.</summary>
    public async Task<RatingSnapshot?> LoadAsync(string ratingId, CancellationToken ct)
    {
        if (!ValidId(ratingId)) return null;
        RatingRequestRow? request = null;
        var assignments = new List<AssignmentRow>();
        var pages = new Dictionary<string, Dictionary<int, PageRow>>(StringComparer.Ordinal);
        var justifications = new Dictionary<string, JustificationsRow>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ratingId}"), cancellationToken: ct))
        {
            switch (e.GetString("Type"))
            {
                case RatingRequestRow.Row: request = RatingRequestRow.From(e); break;
                case AssignmentRow.TypeName: assignments.Add(AssignmentRow.From(e)); break;
                case PageRow.TypeName:
                    var p = PageRow.From(e);
                    if (!pages.TryGetValue(p.AssessorId, out var list)) pages[p.AssessorId] = list = [];
                    list[p.Page] = p;
                    break;
                case JustificationsRow.TypeName:
                    var j = JustificationsRow.From(e);
                    justifications[j.AssessorId] = j;
                    break;
            }
        }
        return request is null ? null : new RatingSnapshot(request, assignments,
            pages.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<int, PageRow>)p.Value, StringComparer.Ordinal), justifications);
    }

    public async Task<RatingRequestRow?> GetRequestAsync(string ratingId, CancellationToken ct)
    {
        if (!ValidId(ratingId)) return null;
        var r = await Table.GetEntityIfExistsAsync<TableEntity>(ratingId, RatingRequestRow.Row, cancellationToken: ct);
        return r.HasValue ? RatingRequestRow.From(r.Value!) : null;
    }

    /// <summary>Page row + assignment (progress, revision) under the assignment's ETag.</summary>
    public Task SavePageAsync(AssignmentRow updated, PageRow page, CancellationToken ct) =>
        Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpsertReplace, page.ToEntity()),
            new(TableTransactionActionType.UpdateReplace, updated.ToEntity(), updated.ETag),
        ], ct);

    /// <summary>Justifications (draft or final) + assignment under its ETag.</summary>
    public Task SaveAssignmentAsync(AssignmentRow updated, JustificationsRow? justifications, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>();
        if (justifications is not null) actions.Add(new(TableTransactionActionType.UpsertReplace, justifications.ToEntity()));
        actions.Add(new(TableTransactionActionType.UpdateReplace, updated.ToEntity(), updated.ETag));
        return Table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>Bookkeeping of the timer job and follow-ups (merge under the row's ETag).</summary>
    public Task UpdateAssignmentAsync(AssignmentRow updated, CancellationToken ct) =>
        Table.UpdateEntityAsync(updated.ToEntity(), updated.ETag, TableUpdateMode.Replace, ct);

    /// <summary>Closes the request and every open assignment in one transaction (ETags of all rows).</summary>
    public Task CloseAsync(RatingRequestRow request, IReadOnlyList<AssignmentRow> assignments, string closedBy, DateTimeOffset at, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, (request with { Status = RatingStatus.Closed, ClosedAt = at, ClosedBy = closedBy }).ToEntity(), request.ETag),
        };
        actions.AddRange(assignments.Where(a => a.Status == RatingStatus.Open)
            .Select(a => new TableTransactionAction(TableTransactionActionType.UpdateReplace, (a with { Status = RatingStatus.Closed }).ToEntity(), a.ETag)));
        return Table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>Assignments by status over all requests (a filtered scan: open work is tens to hundreds of rows).</summary>
    public async Task<IReadOnlyList<AssignmentRow>> ListAssignmentsAsync(string? status, CancellationToken ct)
    {
        var filter = status is null
            ? TableClient.CreateQueryFilter($"Type eq {AssignmentRow.TypeName}")
            : TableClient.CreateQueryFilter($"Type eq {AssignmentRow.TypeName} and Status eq {status}");
        var list = new List<AssignmentRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            list.Add(AssignmentRow.From(e));
        return list;
    }

    public async Task<IReadOnlyList<RatingRequestRow>> ListRequestsAsync(CancellationToken ct)
    {
        var list = new List<RatingRequestRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RatingRequestRow.Row}"), maxPerPage: 1000, cancellationToken: ct))
            list.Add(RatingRequestRow.From(e));
        return list;
    }

    /// <summary>
    /// One page of request rows in key order (rating id), filtered on the server by measure and by the request's status
    /// (Open/Closed); null when the continuation is not one of ours.
    /// </summary>
    public Task<TablePage<TableEntity>?> PageRequestsAsync(string? measure, string? status, int max, string? continuation, CancellationToken ct) =>
        TablePaging.ReadAsync<TableEntity>(Table, RequestFilter(measure, status), max, continuation, ct: ct);

    /// <summary>The OData filter of <see cref="PageRequestsAsync"/> (values quoted by the SDK).</summary>
    public static string RequestFilter(string? measure, string? status)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RatingRequestRow.Row}");
        if (measure is not null) filter += " and " + TableClient.CreateQueryFilter($"MeasureNumber eq {measure}");
        if (status is not null) filter += " and " + TableClient.CreateQueryFilter($"Status eq {status}");
        return filter;
    }

    /// <summary>The assignments of the given requests (one partition query each, in parallel: a page of requests).</summary>
    public async Task<ILookup<string, AssignmentRow>> AssignmentsOfAsync(IEnumerable<string> ratingIds, CancellationToken ct)
    {
        var lists = await Task.WhenAll(ratingIds.Distinct(StringComparer.Ordinal).Select(async id =>
        {
            var list = new List<AssignmentRow>();
            await foreach (var e in Table.QueryAsync<TableEntity>(
                               TableClient.CreateQueryFilter($"PartitionKey eq {id} and Type eq {AssignmentRow.TypeName}"), cancellationToken: ct))
                list.Add(AssignmentRow.From(e));
            return list;
        }));
        return lists.SelectMany(l => l).ToLookup(a => a.RatingId, StringComparer.Ordinal);
    }

    /// <summary>Rating ids are ours ("bw-…"); anything else from a card or URL is unknown without a storage call.</summary>
    public static bool ValidId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static bool IsConflict(Exception e) => e is RequestFailedException { Status: 412 or 409 };
}
