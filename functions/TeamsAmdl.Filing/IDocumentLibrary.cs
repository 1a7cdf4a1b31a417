namespace TeamsAmdl.Filing;

/// <summary>
/// The e-Akte document library: SharePoint through Graph (<see cref="Graph.GraphDocumentLibrary"/>) or, in
/// Development, a local folder (<see cref="LocalFolderLibrary"/>). Paths are relative to the library root with
/// "/" separators and already sanitised (<see cref="FilingPath"/>). Failures raise <see cref="LibraryException"/>.
/// </summary>
public interface IDocumentLibrary
{
    /// <summary>A description for logs, e.g. "SharePoint (Graph, drive b!…)".</summary>
    string Description { get; }

    /// <summary>Creates the folders of <paramref name="folders"/> that do not exist yet; returns the last one's id.</summary>
    Task<string> EnsureFolderAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken);

    /// <summary>The file at <paramref name="path"/>, or null if there is none.</summary>
    Task<LibraryFile?> GetFileAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="content"/> as <paramref name="fileName"/> into the folder: a new file, or a new
    /// version of an existing one.
    /// </summary>
    Task<LibraryFile> UploadAsync(string folderId, string folderPath, string fileName, BinaryData content, CancellationToken cancellationToken);

    /// <summary>Sets the columns (display name → value) on the file's list item.</summary>
    Task SetFieldsAsync(LibraryFile file, IReadOnlyDictionary<string, string> columns, CancellationToken cancellationToken);
}

/// <param name="QuickXorHash">As the library reports it (Base64), null if it reports none.</param>
/// <param name="UploadMethod">"put" (one request), "session" (upload session) or "local"; null when only read.</param>
public sealed record LibraryFile(string Id, long Size, string? QuickXorHash, string? WebUrl, string? UploadMethod = null);

/// <summary>
/// A library call failed. <see cref="Status"/> is the HTTP status (0: no response). Permanent failures (400, 401,
/// 403, 404, 405, 406, 410, 411, 413, 415, 422, 507) park the job; others are retried, after
/// <see cref="RetryAfter"/> if the service sent one.
/// </summary>
public sealed class LibraryException(int status, string code, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsPermanent => Status is 400 or 401 or 403 or 404 or 405 or 406 or 410 or 411 or 413 or 415 or 422 or 507;
}
