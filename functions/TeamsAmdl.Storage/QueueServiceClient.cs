using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>The account's Queue service (Azure.Storage.Queues shape).</summary>
public class QueueServiceClient
{
    private readonly StorageHttp _http = null!;

    public QueueServiceClient(string connectionString, StorageClientOptions? options = null) =>
        (_http, Uri) = StorageHttp.FromConnectionString(connectionString, StorageService.Queue, options);

    public QueueServiceClient(Uri serviceUri, TokenCredential credential, StorageClientOptions? options = null)
    {
        _http = StorageHttp.FromToken(credential, options);
        Uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
    }

    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
    {
        _http = StorageHttp.FromSharedKey(credential, StorageService.Queue, options);
        Uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
    }

    /// <summary>For mocking.</summary>
    protected QueueServiceClient() => Uri = new Uri("http://localhost/");

    public virtual Uri Uri { get; }

    public virtual QueueClient GetQueueClient(string queueName) => new(_http, StorageHttp.Append(Uri, queueName), queueName);
}
