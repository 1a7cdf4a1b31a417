using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// Blobs of published digests (container "digests"): the snapshot (JSON) the history renders again, and the whole
/// digest as a PDF for the history's download. Both are named by the publish id and written once, so a repeated
/// publication run leaves them as they are. (The e-Akte gets one Maßnahmeinfo document per measure through
/// TeamsAmdl.Filing, see <see cref="DigestFiling"/>.)
/// </summary>
public sealed class DigestArchive(BlobServiceClient blobs, IConfiguration config)
{
    public const string Container = "digests";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private Task? _created;

    private async Task<BlobContainerClient> ContainerAsync(CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(StorageSetup.Prefixed(config, Container));
        var created = _created ??= container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        try
        {
            await created.WaitAsync(ct);
        }
        catch when (created.IsFaulted)
        {
            _created = null;
            throw;
        }
        return container;
    }

    public static string SnapshotBlob(string id) => $"snapshots/{id}.json";

    public static string DocumentBlob(DigestSnapshot s) => $"documents/{s.Week}/{s.Id}.pdf";

    /// <summary>The file name people see ("Maßnahmeinfo KW 47-2026.pdf").</summary>
    public static string DocumentFileName(DigestSnapshot s) => $"Maßnahmeinfo KW {s.WeekKey.Week:00}-{s.WeekKey.Year}.pdf";

    /// <summary>Writes the snapshot once; false when an earlier run of the same publication had written it (that one stays).</summary>
    public async Task<bool> SaveSnapshotAsync(DigestSnapshot snapshot, CancellationToken ct)
    {
        var blob = (await ContainerAsync(ct)).GetBlobClient(SnapshotBlob(snapshot.Id));
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(snapshot, Json), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false; // written by an earlier run of the same publication: the first snapshot stays
        }
        return true;
    }

    public async Task<DigestSnapshot?> LoadSnapshotAsync(string id, CancellationToken ct)
    {
        var blob = (await ContainerAsync(ct)).GetBlobClient(SnapshotBlob(id));
        try
        {
            return (await blob.DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<DigestSnapshot>(Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public static string FilingJobsBlob(string id) => $"filing/{id}.json";

    /// <summary>The e-Akte jobs of a publication (filing outbox job ids): the progress display reads their state.</summary>
    public async Task SaveFilingJobsAsync(string id, IReadOnlyList<string> jobIds, CancellationToken ct)
    {
        var blob = (await ContainerAsync(ct)).GetBlobClient(FilingJobsBlob(id));
        await blob.UploadAsync(BinaryData.FromObjectAsJson(jobIds, Json), overwrite: true, ct); // a repeated run queues the same jobs
    }

    public async Task<IReadOnlyList<string>> LoadFilingJobsAsync(string id, CancellationToken ct)
    {
        var blob = (await ContainerAsync(ct)).GetBlobClient(FilingJobsBlob(id));
        try
        {
            return (await blob.DownloadContentAsync(ct)).Value.Content.ToObjectFromJson<string[]>(Json) ?? [];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    /// <summary>Stores the digest's PDF (history download); returns the blob name.</summary>
    public async Task<string> SaveDocumentAsync(DigestSnapshot snapshot, byte[] pdf, CancellationToken ct)
    {
        var name = DocumentBlob(snapshot);
        var blob = (await ContainerAsync(ct)).GetBlobClient(name);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders
                {
                    ContentType = DigestPdf.ContentType,
                    ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(DocumentFileName(snapshot)),
                },
                Metadata = new Dictionary<string, string> { ["digest_id"] = snapshot.Id, ["week"] = snapshot.Week },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Written by an earlier run of the same publication.
        }
        return name;
    }

    public async Task<(BinaryData Content, IDictionary<string, string> Metadata)?> LoadDocumentAsync(string blobName, CancellationToken ct)
    {
        var blob = (await ContainerAsync(ct)).GetBlobClient(blobName);
        try
        {
            var r = (await blob.DownloadContentAsync(ct)).Value;
            return (r.Content, r.Details.Metadata ?? new Dictionary<string, string>());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
