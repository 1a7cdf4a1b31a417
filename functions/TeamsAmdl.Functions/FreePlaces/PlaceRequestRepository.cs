using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Place requests and waiting lists: one partition per measure, RowKey = request id (arrival order).</summary>
public sealed class PlaceRequestRepository(FreePlacesStore store)
{
    public async Task<PlaceRequestEntity?> GetAsync(string measureNumber, string requestId, CancellationToken ct)
    {
        if (!IsSafeKey(measureNumber) || !IsSafeKey(requestId)) return null;
        var table = await store.RequestsAsync(ct);
        var row = await table.GetEntityIfExistsAsync<PlaceRequestEntity>(measureNumber, requestId, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>All requests of a measure, in request order.</summary>
    public async Task<IReadOnlyList<PlaceRequestEntity>> ListAsync(string measureNumber, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        var list = new List<PlaceRequestEntity>();
        await foreach (var r in table.QueryAsync<PlaceRequestEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {measureNumber}"), cancellationToken: ct))
            list.Add(r);
        return list.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One page of requests in key order (measure, then request order), filtered on the server: <paramref name="filter"/>
    /// from <see cref="VisibleFilter"/> and the like. Null when the continuation token is not one of ours.
    /// </summary>
    public async Task<TablePage<PlaceRequestEntity>?> PageAsync(string? filter, int max, string? continuation, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        return await TablePaging.ReadAsync<PlaceRequestEntity>(table, filter, max, continuation, ct: ct);
    }

    /// <summary>Table storage allows at most 15 comparisons in one filter.</summary>
    public const int MaxFilterComparisons = 15;

    /// <summary>
    /// The server-side filter of what a caller sees (R-SEC-2): everything for coordinators (<paramref name="ifkId"/> null);
    /// otherwise their own requests and those on the measures they look after. Past <see cref="MaxFilterComparisons"/>
    /// comparisons the visibility part stays out of the filter and <c>CheckRows</c> tells the caller to check each row.
    /// </summary>
    public static (string? Filter, bool CheckRows) VisibleFilter(string? ifkId, IReadOnlyCollection<string> measures, string? measure,
        PlaceRequestStatus? status)
    {
        var parts = new List<string>();
        if (measure is not null) parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {measure}"));
        if (status is { } s) parts.Add(TableClient.CreateQueryFilter($"Status eq {s.ToString()}"));
        var checkRows = false;
        if (ifkId is not null)
        {
            if (parts.Count + 1 + measures.Count <= MaxFilterComparisons)
                parts.Add("(" + string.Join(" or ", measures.Order(StringComparer.Ordinal)
                    .Select(m => TableClient.CreateQueryFilter($"PartitionKey eq {m}"))
                    .Prepend(TableClient.CreateQueryFilter($"IfkId eq {ifkId}"))) + ")");
            else
                checkRows = true;
        }
        return (parts.Count == 0 ? null : string.Join(" and ", parts), checkRows);
    }

    /// <summary>The waiting list of a measure in request order.</summary>
    public async Task<IReadOnlyList<PlaceRequestEntity>> WaitingAsync(string measureNumber, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        var list = new List<PlaceRequestEntity>();
        await foreach (var r in table.QueryAsync<PlaceRequestEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {measureNumber} and Status eq {nameof(PlaceRequestStatus.Waitlisted)}"),
                           cancellationToken: ct))
            list.Add(r);
        return WaitingList.Order(list, r => r.RowKey);
    }

    public async Task<PlaceRequestEntity?> FindByActionKeyAsync(string measureNumber, string actionKey, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        await foreach (var r in table.QueryAsync<PlaceRequestEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {measureNumber} and ActionKey eq {actionKey}"), maxPerPage: 1, cancellationToken: ct))
            return r;
        return null;
    }

    public async Task AddAsync(PlaceRequestEntity request, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        await table.AddEntityAsync(request, ct);
    }

    /// <summary>Writes the whole row under its ETag; throws a <see cref="Azure.RequestFailedException"/> with Status 412 if it changed meanwhile.</summary>
    public async Task<ETag> ReplaceAsync(PlaceRequestEntity request, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        var response = await table.UpdateEntityAsync(request, request.ETag, TableUpdateMode.Replace, ct);
        request.ETag = response.Headers.ETag ?? request.ETag;
        return request.ETag;
    }

    /// <summary>Sets properties of a row without a precondition (bookkeeping such as message keys).</summary>
    public async Task MergeAsync(string measureNumber, string requestId, IDictionary<string, object?> values, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        var patch = new TableEntity(measureNumber, requestId);
        foreach (var (k, v) in values) patch[k] = v;
        await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>Keys come from card data and URLs: refuse what Table storage would reject or misread.</summary>
    public static bool IsSafeKey(string? key) =>
        !string.IsNullOrWhiteSpace(key) && key.Length <= 100 && !key.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?' or '\'');
}
