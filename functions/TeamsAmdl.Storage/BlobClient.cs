using System.Globalization;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>
/// One block blob (Azure.Storage.Blobs shape). Uploads are a single Put Blob, which the service accepts up to
/// 5,000 MiB; this client buffers content in memory, so keep blobs to tens of MB.
/// </summary>
public class BlobClient
{
    private readonly StorageHttp _http = null!;

    public BlobClient(string connectionString, string blobContainerName, string blobName, StorageClientOptions? options = null)
        : this(new BlobContainerClient(connectionString, blobContainerName, options), blobName)
    {
    }

    public BlobClient(Uri blobUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromToken(credential, options), blobUri)
    {
    }

    public BlobClient(Uri blobUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromSharedKey(credential, StorageService.Blob, options), blobUri)
    {
    }

    private BlobClient(BlobContainerClient container, string blobName)
        : this(container.Http, container, blobName)
    {
    }

    private BlobClient(StorageHttp http, Uri blobUri)
    {
        ArgumentNullException.ThrowIfNull(blobUri);
        var (serviceUri, segments) = StorageHttp.SplitResourceUri(blobUri);
        if (segments.Length < 2) throw new ArgumentException("The URI names no container and blob.", nameof(blobUri));
        _http = http;
        BlobContainerName = segments[0];
        Name = string.Join('/', segments.Skip(1));
        Uri = BuildUri(StorageHttp.Append(serviceUri, BlobContainerName), Name);
    }

    internal BlobClient(StorageHttp http, BlobContainerClient container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        _http = http;
        BlobContainerName = container.Name;
        Name = blobName;
        Uri = BuildUri(container.Uri, blobName);
    }

    /// <summary>For mocking.</summary>
    protected BlobClient()
    {
        Name = BlobContainerName = "";
        Uri = new Uri("http://localhost/");
    }

    public virtual string Name { get; }
    public virtual string BlobContainerName { get; }
    public virtual Uri Uri { get; }

    /// <summary>Uploads; with <paramref name="overwrite"/> false an existing blob fails with 409 BlobAlreadyExists.</summary>
    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false,
        CancellationToken cancellationToken = default) =>
        UploadAsync(content,
            new BlobUploadOptions { Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All } },
            cancellationToken);

    public virtual async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var request = _http.CreateRequest(RequestMethod.Put, Uri);
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        if (options.HttpHeaders is { } h)
        {
            AddIfSet(request, "x-ms-blob-content-type", h.ContentType);
            AddIfSet(request, "x-ms-blob-content-encoding", h.ContentEncoding);
            AddIfSet(request, "x-ms-blob-content-language", h.ContentLanguage);
            AddIfSet(request, "x-ms-blob-content-disposition", h.ContentDisposition);
            AddIfSet(request, "x-ms-blob-cache-control", h.CacheControl);
        }
        StorageHeaders.AddMetadata(request, options.Metadata);
        StorageHeaders.AddConditions(request, options.Conditions);
        request.Content = RequestContent.Create(content);
        var response = await _http.SendAsync(request, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo
        {
            ETag = StorageHeaders.GetETag(response),
            LastModified = StorageHeaders.GetDate(response, "Last-Modified"),
            ContentHash = StorageHeaders.GetHash(response),
        }, response);
    }

    /// <summary>Downloads the whole blob into memory; a missing blob raises 404 BlobNotFound.</summary>
    public virtual async Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Get, Uri);
        var response = await _http.SendAsync(request, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(new BlobDownloadResult
        {
            Content = response.Content,
            Details = new BlobDownloadDetails
            {
                ContentType = StorageHeaders.Get(response, "Content-Type"),
                ContentLength = long.TryParse(StorageHeaders.Get(response, "Content-Length"), CultureInfo.InvariantCulture, out var l) ? l : response.Content.ToMemory().Length,
                ContentEncoding = StorageHeaders.Get(response, "Content-Encoding"),
                ContentHash = StorageHeaders.GetHash(response),
                ETag = StorageHeaders.GetETag(response),
                LastModified = StorageHeaders.GetDate(response, "Last-Modified"),
                Metadata = StorageHeaders.ReadMetadata(response),
            },
        }, response);
    }

    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Head, Uri);
        StorageHeaders.AddConditions(request, conditions);
        var response = await _http.SendAsync(request, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ReadProperties(response), response);
    }

    /// <summary>False if the blob or its container does not exist.</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Head, Uri);
        var response = await _http.SendAsync(request, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>False if the blob or its container did not exist.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None,
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Delete, Uri);
        if (snapshotsOption != DeleteSnapshotsOption.None)
            request.Headers.Add("x-ms-delete-snapshots", snapshotsOption == DeleteSnapshotsOption.IncludeSnapshots ? "include" : "only");
        StorageHeaders.AddConditions(request, conditions);
        var response = await _http.SendAsync(request, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    private static BlobProperties ReadProperties(Response response) => new()
    {
        ContentLength = long.TryParse(StorageHeaders.Get(response, "Content-Length"), CultureInfo.InvariantCulture, out var l) ? l : 0,
        ContentType = StorageHeaders.Get(response, "Content-Type"),
        ContentEncoding = StorageHeaders.Get(response, "Content-Encoding"),
        ContentHash = StorageHeaders.GetHash(response),
        ETag = StorageHeaders.GetETag(response),
        LastModified = StorageHeaders.GetDate(response, "Last-Modified"),
        CreatedOn = StorageHeaders.GetDate(response, "x-ms-creation-time"),
        Metadata = StorageHeaders.ReadMetadata(response),
    };

    private static void AddIfSet(Request request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) request.Headers.Add(name, value);
    }

    // Blob names keep their '/' separators; each segment is escaped on its own.
    private static Uri BuildUri(Uri containerUri, string blobName) =>
        new(containerUri.AbsoluteUri.TrimEnd('/') + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString)));
}
