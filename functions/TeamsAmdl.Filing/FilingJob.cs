using Azure.Data.Tables;

namespace TeamsAmdl.Filing;

/// <summary>Pending → Filed, or Parked (permanent error, or <see cref="FilingOptions.MaxAttempts"/> used up). Stored by name.</summary>
public enum FilingStatus
{
    Pending,
    Filed,
    Parked,
}

/// <summary>One filing job as the API and operators see it.</summary>
public sealed record FilingJob(
    string JobId,
    FilingStatus Status,
    string Path,
    string Traeger,
    string Massnahmenummer,
    string Kategorie,
    string Dokumentart,
    string Titel,
    string ContentHash,
    long Size,
    int Attempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? FiledAt,
    string? ItemId,
    string? WebUrl,
    string? UploadMethod,
    string? LastErrorCode,
    string? LastError,
    int? LastHttpStatus,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt);

/// <summary>
/// Column names of table FilingJobs (PartitionKey = job id, RowKey = "job"). The job id is SHA-256 over the
/// path (upper-cased: SharePoint paths are case-insensitive) and the content hash, so the same content for the
/// same path is one job.
/// </summary>
internal static class JobRow
{
    public const string RowKeyValue = "job";

    public const string Status = nameof(Status);
    public const string Path = nameof(Path);
    public const string Folder = nameof(Folder);
    public const string FileName = nameof(FileName);
    public const string Traeger = nameof(Traeger);
    public const string Massnahmenummer = nameof(Massnahmenummer);
    public const string Kategorie = nameof(Kategorie);
    public const string Dokumentart = nameof(Dokumentart);
    public const string Titel = nameof(Titel);
    public const string Datum = nameof(Datum);
    public const string ContentHash = nameof(ContentHash);
    public const string QuickXorHash = nameof(QuickXorHash);
    public const string Size = nameof(Size);
    public const string ContentType = nameof(ContentType);
    public const string Attempts = nameof(Attempts);
    public const string EnqueuedAt = nameof(EnqueuedAt);
    public const string QueuedAt = nameof(QueuedAt);
    public const string AttemptId = nameof(AttemptId);
    public const string LeaseUntil = nameof(LeaseUntil);
    public const string LastAttemptAt = nameof(LastAttemptAt);
    public const string NextAttemptAt = nameof(NextAttemptAt);
    public const string ItemId = nameof(ItemId);
    public const string WebUrl = nameof(WebUrl);
    public const string UploadMethod = nameof(UploadMethod);
    public const string UploadedAt = nameof(UploadedAt);
    public const string FiledAt = nameof(FiledAt);
    public const string LastErrorCode = nameof(LastErrorCode);
    public const string LastError = nameof(LastError);
    public const string LastHttpStatus = nameof(LastHttpStatus);

    public static FilingStatus GetStatus(TableEntity row) =>
        Enum.TryParse<FilingStatus>(row.GetString(Status), out var s) ? s : FilingStatus.Pending;

    /// <summary>A merge patch carrying only the keys.</summary>
    public static TableEntity Patch(TableEntity row) => new(row.PartitionKey, row.RowKey);

    public static string Truncate(string? s, int max = 2000) => s is null ? "" : s.Length <= max ? s : s[..max] + "…";

    public static FilingJob ToJob(TableEntity row) => new(
        row.PartitionKey,
        GetStatus(row),
        row.GetString(Path) ?? "",
        row.GetString(Traeger) ?? "",
        row.GetString(Massnahmenummer) ?? "",
        row.GetString(Kategorie) ?? "",
        row.GetString(Dokumentart) ?? "",
        row.GetString(Titel) ?? "",
        row.GetString(ContentHash) ?? "",
        row.GetInt64(Size) ?? 0,
        row.GetInt32(Attempts) ?? 0,
        row.GetDateTimeOffset(EnqueuedAt) ?? default,
        row.GetDateTimeOffset(FiledAt),
        row.GetString(ItemId),
        row.GetString(WebUrl),
        row.GetString(UploadMethod),
        row.GetString(LastErrorCode),
        row.GetString(LastError),
        row.GetInt32(LastHttpStatus),
        row.GetDateTimeOffset(LastAttemptAt),
        row.GetDateTimeOffset(NextAttemptAt));
}
