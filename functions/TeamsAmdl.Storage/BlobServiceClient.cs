using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>The account's Blob service (Azure.Storage.Blobs shape).</summary>
public class BlobServiceClient
{
    private readonly StorageHttp _http = null!;

    public BlobServiceClient(string connectionString, StorageClientOptions? options = null) =>
        (_http, Uri) = StorageHttp.FromConnectionString(connectionString, StorageService.Blob, options);

    public BlobServiceClient(Uri serviceUri, TokenCredential credential, StorageClientOptions? options = null)
    {
        _http = StorageHttp.FromToken(credential, options);
        Uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
    }

    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
    {
        _http = StorageHttp.FromSharedKey(credential, StorageService.Blob, options);
        Uri = serviceUri ?? throw new ArgumentNullException(nameof(serviceUri));
    }

    /// <summary>For mocking.</summary>
    protected BlobServiceClient() => Uri = new Uri("http://localhost/");

    public virtual Uri Uri { get; }

    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) =>
        new(_http, StorageHttp.Append(Uri, blobContainerName), blobContainerName);
}
