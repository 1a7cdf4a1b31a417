using System.Globalization;
using System.Text.Json;

namespace TeamsAmdl.Filing;

/// <summary>
/// Development stand-in for the SharePoint library: a folder on disk (default .data/e-akte, git-ignored) with the
/// same layout. A new version moves the previous file to <c>.versionen/{Datei}/{n}</c> beside it; the columns go
/// to <c>.spalten/{Datei}.json</c>. Ids are the relative paths.
/// </summary>
public sealed class LocalFolderLibrary : IDocumentLibrary
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _root;

    public LocalFolderLibrary(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public string Description => $"lokaler Ordner {_root} (Development-Ersatz für SharePoint)";

    public Task<string> EnsureFolderAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        var relative = string.Join('/', folders);
        Directory.CreateDirectory(Full(relative));
        return Task.FromResult(relative);
    }

    public Task<LibraryFile?> GetFileAsync(string path, CancellationToken cancellationToken)
    {
        var full = Full(path);
        if (!File.Exists(full)) return Task.FromResult<LibraryFile?>(null);
        var bytes = File.ReadAllBytes(full);
        return Task.FromResult<LibraryFile?>(new LibraryFile(path, bytes.Length, QuickXorHash.Compute(bytes), new Uri(full).AbsoluteUri));
    }

    public async Task<LibraryFile> UploadAsync(string folderId, string folderPath, string fileName, BinaryData content, CancellationToken cancellationToken)
    {
        var relative = folderPath + "/" + fileName;
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken).ConfigureAwait(false);
        if (File.Exists(full))
        {
            var versions = Path.Combine(Path.GetDirectoryName(full)!, ".versionen", fileName);
            Directory.CreateDirectory(versions);
            var next = Directory.GetFiles(versions).Length + 1;
            File.Move(full, Path.Combine(versions, next.ToString(CultureInfo.InvariantCulture)));
        }
        File.Move(temp, full);
        return new LibraryFile(relative, content.ToMemory().Length, QuickXorHash.Compute(content.ToMemory().Span), new Uri(full).AbsoluteUri, "local");
    }

    public async Task SetFieldsAsync(LibraryFile file, IReadOnlyDictionary<string, string> columns, CancellationToken cancellationToken)
    {
        var full = Full(file.Id);
        var folder = Path.Combine(Path.GetDirectoryName(full)!, ".spalten");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, Path.GetFileName(full) + ".json"), JsonSerializer.Serialize(columns, Json), cancellationToken).ConfigureAwait(false);
    }

    private string Full(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
            throw new LibraryException(400, "invalidPath", $"Pfad „{relative}“ liegt außerhalb der e-Akte.");
        return full;
    }
}
