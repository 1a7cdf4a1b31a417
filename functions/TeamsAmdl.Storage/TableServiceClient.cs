using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>The account's Table service (Azure.Data.Tables shape); hands out <see cref="TableClient"/>s sharing its pipeline.</summary>
public class TableServiceClient
{
    private readonly StorageHttp _http = null!;

    public TableServiceClient(string connectionString, StorageClientOptions? options = null) =>
        (_http, Uri) = StorageHttp.FromConnectionString(connectionString, StorageService.Table, options);

    public TableServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        _http = StorageHttp.FromToken(credential, options);
        Uri = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
    }

    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
    {
        _http = StorageHttp.FromSharedKey(credential, StorageService.Table, options);
        Uri = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
    }

    /// <summary>For mocking.</summary>
    protected TableServiceClient() => Uri = new Uri("http://localhost/");

    public virtual Uri Uri { get; }

    public virtual TableClient GetTableClient(string tableName) => new(_http, Uri, tableName);

    public virtual Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
