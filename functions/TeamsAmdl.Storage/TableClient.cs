using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>
/// One table (Azure.Data.Tables shape). Entities travel as JSON with minimal metadata, so values carry their
/// Edm type annotations and the entity's odata.etag.
/// </summary>
public class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly StorageHttp _http = null!;
    private readonly Uri _serviceUri = null!;

    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
    {
        (_http, _serviceUri) = StorageHttp.FromConnectionString(connectionString, StorageService.Table, options);
        Name = ValidateName(tableName);
        Uri = StorageHttp.Append(_serviceUri, Name);
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromToken(credential, options), endpoint, tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromSharedKey(credential, StorageService.Table, options), endpoint, tableName)
    {
    }

    internal TableClient(StorageHttp http, Uri serviceUri, string tableName)
    {
        _http = http;
        _serviceUri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
        Name = ValidateName(tableName);
        Uri = StorageHttp.Append(_serviceUri, Name);
    }

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = "";
        Uri = new Uri("http://localhost/");
    }

    public virtual string Name { get; }
    public virtual Uri Uri { get; }

    /// <summary>Creates the table; if it already exists, returns the 409 response instead of throwing (as the SDK does).</summary>
    public virtual async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var request = NewRequest(RequestMethod.Post, StorageHttp.Append(_serviceUri, "Tables"));
        request.Headers.Add("Prefer", "return-no-content");
        SetJsonBody(request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _http.SendAsync(request, cancellationToken, 201, 204, 409).ConfigureAwait(false);
        if (response.Status == 409 && StorageHttp.ErrorCode(response) != "TableAlreadyExists")
            throw StorageHttp.CreateException(response);
        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var request = NewRequest(RequestMethod.Delete,
            new Uri(_serviceUri.AbsoluteUri.TrimEnd('/') + "/Tables('" + Uri.EscapeDataString(Name) + "')"));
        return await _http.SendAsync(request, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    /// <summary>Inserts; an existing row fails with 409 EntityAlreadyExists.</summary>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var request = NewRequest(RequestMethod.Post, Uri);
        request.Headers.Add("Prefer", "return-no-content");
        SetJsonBody(request, TableEntityConverter.Serialize(entity));
        return await _http.SendAsync(request, cancellationToken, 204, 201).ConfigureAwait(false);
    }

    /// <summary>Inserts or updates without an ETag check.</summary>
    public virtual async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge,
        CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var request = NewRequest(mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge,
            new Uri(EntityUri(Uri, entity.PartitionKey, entity.RowKey)));
        SetJsonBody(request, TableEntityConverter.Serialize(entity));
        return await _http.SendAsync(request, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (<see cref="ETag.All"/>:
    /// unconditionally). A stale ETag raises <see cref="StorageConflictException"/> (412); a missing entity 404.
    /// </summary>
    public virtual async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge,
        CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
            throw new ArgumentException("An ETag is required; pass ETag.All to update unconditionally.", nameof(ifMatch));
        var request = NewRequest(mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge,
            new Uri(EntityUri(Uri, entity.PartitionKey, entity.RowKey)));
        request.Headers.Add(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        SetJsonBody(request, TableEntityConverter.Serialize(entity));
        return await _http.SendAsync(request, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; a missing one raises <see cref="RequestFailedException"/> with Status 404.</summary>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null,
        CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await _http.SendAsync(GetEntityRequest(partitionKey, rowKey, select), cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey,
        IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await _http.SendAsync(GetEntityRequest(partitionKey, rowKey, select), cancellationToken, 200, 404).ConfigureAwait(false);
        if (response.Status == 404)
            return new NoValueResponse<T>(response);
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    /// <summary>Deletes if the ETag matches (default: any). A missing entity is not an error.</summary>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default,
        CancellationToken cancellationToken = default)
    {
        var request = NewRequest(RequestMethod.Delete, new Uri(EntityUri(Uri, partitionKey, rowKey)));
        request.Headers.Add(HttpHeader.Names.IfMatch, ifMatch == default ? "*" : ifMatch.ToString("H"));
        return await _http.SendAsync(request, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    /// <summary>
    /// Queries with an OData <paramref name="filter"/> (build it with <see cref="CreateQueryFilter"/>). Pages follow the
    /// service's continuation headers; the service returns at most 1,000 entities per page.
    /// </summary>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null,
        CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var selectList = select is null ? null : string.Join(',', select);
        return new StoragePageable<T>(async (continuation, pageSize, ct) =>
        {
            var request = NewRequest(RequestMethod.Get, new Uri(Uri.AbsoluteUri + "()"));
            if (!string.IsNullOrEmpty(filter)) request.Uri.AppendQuery("$filter", filter);
            if ((pageSize ?? maxPerPage) is { } top) request.Uri.AppendQuery("$top", top.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(selectList)) request.Uri.AppendQuery("$select", selectList);
            if (continuation is not null)
            {
                var space = continuation.IndexOf(' ');
                var (pk, rk) = space < 0 ? (continuation, "") : (continuation[..space], continuation[(space + 1)..]);
                request.Uri.AppendQuery("NextPartitionKey", pk);
                if (rk.Length > 0) request.Uri.AppendQuery("NextRowKey", rk);
            }
            var response = await _http.SendAsync(request, ct, 200).ConfigureAwait(false);
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            var values = json.RootElement.GetProperty("value").EnumerateArray()
                .Select(e => TableEntityConverter.ToEntity<T>(TableEntityConverter.ReadProperties(e)))
                .ToList();
            string? next = null;
            if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk))
                next = nextPk + " " + (response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk) ? nextRk : "");
            return Page<T>.FromValues(values, next, response);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs up to 100 actions on one partition atomically: either all are applied or none. A failing action raises
    /// <see cref="TableTransactionFailedException"/> naming its index. Returns the per-action responses.
    /// </summary>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        if (actions.Count == 0)
            throw new ArgumentException("A transaction needs at least one action.", nameof(transactionActions));
        if (actions.Count > TableBatch.MaxActions)
            throw new ArgumentException(
                $"A transaction can hold at most {TableBatch.MaxActions} actions; got {actions.Count}.", nameof(transactionActions));
        var partitions = actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).ToList();
        if (partitions.Count > 1)
            throw new ArgumentException(
                $"All actions of a transaction must share one PartitionKey; got {partitions.Count} ('{string.Join("', '", partitions.Take(3))}'...).",
                nameof(transactionActions));

        var (contentType, body) = TableBatch.Build(Uri, actions);
        var request = NewRequest(RequestMethod.Post, StorageHttp.Append(_serviceUri, "$batch"));
        request.Headers.Add(HttpHeader.Names.ContentType, contentType);
        request.Content = RequestContent.Create(body);
        var response = await _http.SendAsync(request, cancellationToken, 202).ConfigureAwait(false);
        return Response.FromValue(TableBatch.ParseResponse(response, actions.Count), response);
    }

    /// <summary>
    /// Builds an OData filter from an interpolated string, turning each argument into a literal: strings quoted with
    /// single quotes doubled, DateTimeOffset as datetime'…', Guid as guid'…', long as 123L, byte[] as X'…'.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableODataFilter.Create(filter);

    internal static string EntityUri(Uri tableUri, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return $"{tableUri.AbsoluteUri}(PartitionKey='{Key(partitionKey)}',RowKey='{Key(rowKey)}')";
        static string Key(string key) => Uri.EscapeDataString(key.Replace("'", "''"));
    }

    private Request GetEntityRequest(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var request = NewRequest(RequestMethod.Get, new Uri(EntityUri(Uri, partitionKey, rowKey)));
        if (select is not null) request.Uri.AppendQuery("$select", string.Join(',', select));
        return request;
    }

    private static T ReadEntity<T>(Response response) where T : class, ITableEntity, new()
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var properties = TableEntityConverter.ReadProperties(json.RootElement);
        if (!properties.ContainsKey(TableEntity.ETagKey) && response.Headers.ETag is { } etag)
            properties[TableEntity.ETagKey] = etag.ToString("G");
        return TableEntityConverter.ToEntity<T>(properties);
    }

    private Request NewRequest(RequestMethod method, Uri uri)
    {
        var request = _http.CreateRequest(method, uri);
        request.Headers.Add(HttpHeader.Names.Accept, JsonAccept);
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("MaxDataServiceVersion", "3.0;NetFx");
        return request;
    }

    private static void SetJsonBody(Request request, byte[] json)
    {
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(json);
    }

    private static string ValidateName(string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        return tableName;
    }
}
