using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

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

    /// <summary>Requests of one IFK over all measures (a scan filtered on the server; for "my requests").</summary>
    public async Task<IReadOnlyList<PlaceRequestEntity>> ListByIfkAsync(string ifkId, CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        var list = new List<PlaceRequestEntity>();
        await foreach (var r in table.QueryAsync<PlaceRequestEntity>(TableClient.CreateQueryFilter($"IfkId eq {ifkId}"), cancellationToken: ct))
            list.Add(r);
        return list.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<PlaceRequestEntity>> ListAllAsync(CancellationToken ct)
    {
        var table = await store.RequestsAsync(ct);
        var list = new List<PlaceRequestEntity>();
        await foreach (var r in table.QueryAsync<PlaceRequestEntity>(cancellationToken: ct))
            list.Add(r);
        return list.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
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
