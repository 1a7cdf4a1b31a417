using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>One blob container (Azure.Storage.Blobs shape).</summary>
public class BlobContainerClient
{
    private readonly StorageHttp _http = null!;

    public BlobContainerClient(string connectionString, string blobContainerName, StorageClientOptions? options = null)
    {
        (_http, var serviceUri) = StorageHttp.FromConnectionString(connectionString, StorageService.Blob, options);
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        Name = blobContainerName;
        Uri = StorageHttp.Append(serviceUri, blobContainerName);
    }

    public BlobContainerClient(Uri blobContainerUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromToken(credential, options), blobContainerUri, null)
    {
    }

    public BlobContainerClient(Uri blobContainerUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromSharedKey(credential, StorageService.Blob, options), blobContainerUri, null)
    {
    }

    internal BlobContainerClient(StorageHttp http, Uri containerUri, string? name)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        _http = http;
        Uri = containerUri;
        Name = name ?? StorageHttp.SplitResourceUri(containerUri).Segments.LastOrDefault()
            ?? throw new ArgumentException("The URI names no container.", nameof(containerUri));
    }

    /// <summary>For mocking.</summary>
    protected BlobContainerClient()
    {
        Name = "";
        Uri = new Uri("http://localhost/");
    }

    internal StorageHttp Http => _http;

    public virtual string Name { get; }
    public virtual Uri Uri { get; }

    public virtual BlobClient GetBlobClient(string blobName) => new(_http, this, blobName);

    /// <summary>Creates the container; returns null if it already exists (as the SDK does).</summary>
    public virtual async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Put, Uri);
        request.Uri.AppendQuery("restype", "container");
        if (publicAccessType != PublicAccessType.None)
            request.Headers.Add("x-ms-blob-public-access", publicAccessType == PublicAccessType.Blob ? "blob" : "container");
        StorageHeaders.AddMetadata(request, metadata);
        var response = await _http.SendAsync(request, cancellationToken, 201, 409).ConfigureAwait(false);
        if (response.Status == 409)
        {
            if (StorageHttp.ErrorCode(response) == "ContainerAlreadyExists") return null;
            throw StorageHttp.CreateException(response);
        }
        return Response.FromValue(new BlobContainerInfo
        {
            ETag = StorageHeaders.GetETag(response),
            LastModified = StorageHeaders.GetDate(response, "Last-Modified"),
        }, response);
    }

    /// <summary>Deletes the container and its blobs; false if it did not exist.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Delete, Uri);
        request.Uri.AppendQuery("restype", "container");
        StorageHeaders.AddConditions(request, conditions);
        var response = await _http.SendAsync(request, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>Lists blobs (flat), optionally below a name prefix; pages follow NextMarker.</summary>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(BlobTraits traits = BlobTraits.None, BlobStates states = BlobStates.None,
        string? prefix = null, CancellationToken cancellationToken = default)
    {
        if (states != BlobStates.None) throw new NotSupportedException("Only BlobStates.None is supported.");
        return new StoragePageable<BlobItem>(async (marker, pageSize, ct) =>
        {
            var request = _http.CreateRequest(RequestMethod.Get, Uri);
            request.Uri.AppendQuery("restype", "container");
            request.Uri.AppendQuery("comp", "list");
            if (!string.IsNullOrEmpty(prefix)) request.Uri.AppendQuery("prefix", prefix);
            if (!string.IsNullOrEmpty(marker)) request.Uri.AppendQuery("marker", marker);
            if (pageSize is { } size) request.Uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture));
            if (traits.HasFlag(BlobTraits.Metadata)) request.Uri.AppendQuery("include", "metadata");
            var response = await _http.SendAsync(request, ct, 200).ConfigureAwait(false);
            var root = XDocument.Parse(response.Content.ToString().TrimStart('\uFEFF')).Root!;
            var items = root.Element("Blobs")?.Elements("Blob").Select(ParseBlobItem).ToList() ?? [];
            var next = root.Element("NextMarker")?.Value;
            return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
        }, cancellationToken);
    }

    private static BlobItem ParseBlobItem(XElement blob)
    {
        var p = blob.Element("Properties");
        string? Prop(string name) => p?.Element(name)?.Value is { Length: > 0 } v ? v : null;
        return new BlobItem
        {
            Name = blob.Element("Name")?.Value ?? "",
            Properties = new BlobItemProperties
            {
                ContentLength = long.TryParse(Prop("Content-Length"), CultureInfo.InvariantCulture, out var length) ? length : null,
                ContentType = Prop("Content-Type"),
                ContentEncoding = Prop("Content-Encoding"),
                ContentHash = Prop("Content-MD5") is { } md5 ? Convert.FromBase64String(md5) : null,
                ETag = StorageHeaders.ParseETag(Prop("Etag")),
                LastModified = StorageHeaders.ParseDate(Prop("Last-Modified")),
                CreatedOn = StorageHeaders.ParseDate(Prop("Creation-Time")),
            },
            Metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
                       ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        };
    }
}
