using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;

namespace TeamsAmdl.Filing.Graph;

/// <summary>
/// The SharePoint document library (Filing:DriveId in site Filing:SiteId) through Microsoft Graph v1.0:
/// <list type="bullet">
/// <item>folders: GET <c>/drives/{d}/items/root:/{path}:</c>, missing ones POST <c>/drives/{d}/items/{parent}/children</c>
/// (conflictBehavior fail; a 409 from a concurrent creator is read back);</item>
/// <item>small files: PUT <c>/drives/{d}/items/{folder}:/{name}:/content</c>; larger ones: POST
/// <c>…:/{name}:/createUploadSession</c> (conflictBehavior replace) and the SDK's LargeFileUploadTask. Over an
/// existing file both create a new version (versioning is on in SharePoint libraries);</item>
/// <item>columns: GET <c>/drives/{d}/items/{id}?$select=sharepointIds</c>, then PATCH
/// <c>/sites/{s}/lists/{list}/items/{item}/fields</c>.</item>
/// </list>
/// </summary>
public sealed class GraphDocumentLibrary : IDocumentLibrary
{
    private static readonly string[] FileSelect = ["id", "size", "file", "folder", "webUrl"];

    private readonly GraphServiceClient _graph;
    private readonly FilingOptions _options;
    private readonly string _driveId;
    private readonly string _siteId;
    private readonly ConcurrentDictionary<string, string> _folderIds = new(StringComparer.OrdinalIgnoreCase);

    public GraphDocumentLibrary(GraphServiceClient graph, FilingOptions options)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _driveId = string.IsNullOrWhiteSpace(options.DriveId) ? throw new ArgumentException("Filing:DriveId fehlt.", nameof(options)) : options.DriveId;
        _siteId = string.IsNullOrWhiteSpace(options.SiteId) ? throw new ArgumentException("Filing:SiteId fehlt.", nameof(options)) : options.SiteId;
    }

    public string Description => $"SharePoint über Microsoft Graph ({_options.GraphBaseUrl}, Website {_siteId}, Bibliothek {_driveId})";

    /// <summary>Reads the library through the site (GET /sites/{s}/drives/{d}): proves id, site and permission (Sites.Selected) fit.</summary>
    public async Task<string> VerifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var drive = await _graph.Sites[_siteId].Drives[_driveId].GetAsync(r => r.QueryParameters.Select = ["id", "name", "webUrl"], cancellationToken).ConfigureAwait(false);
            return $"{drive?.Name} ({drive?.WebUrl})";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw GraphErrors.Map(ex, "Bibliothek prüfen");
        }
    }

    public async Task<string> EnsureFolderAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0) return "root";
        var full = string.Join('/', folders);
        if (_folderIds.TryGetValue(full, out var cached)) return cached;
        try
        {
            // Usually the folder exists already: one request.
            if (await TryGetAsync(full, cancellationToken).ConfigureAwait(false) is { } existingFull)
                return _folderIds[full] = FolderId(existingFull, full);

            var parentId = "root";
            var prefix = "";
            foreach (var segment in folders)
            {
                prefix = prefix.Length == 0 ? segment : prefix + "/" + segment;
                if (_folderIds.TryGetValue(prefix, out var known))
                {
                    parentId = known;
                    continue;
                }
                var item = await TryGetAsync(prefix, cancellationToken).ConfigureAwait(false);
                if (item is null)
                {
                    try
                    {
                        item = await _graph.Drives[_driveId].Items[parentId].Children.PostAsync(new DriveItem
                        {
                            Name = segment,
                            Folder = new Folder(),
                            AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "fail" },
                        }, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (GraphErrors.IsStatus(ex, 409))
                    {
                        // Created by someone else in between.
                        item = await TryGetAsync(prefix, cancellationToken).ConfigureAwait(false);
                    }
                    if (item?.Id is null)
                        throw new LibraryException(0, "folderNotCreated", $"Ordner „{prefix}“ konnte nicht angelegt werden.");
                }
                parentId = _folderIds[prefix] = FolderId(item, prefix);
            }
            return parentId;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw GraphErrors.Map(ex, $"Ordner „{full}“ anlegen");
        }
    }

    public async Task<LibraryFile?> GetFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var item = await TryGetAsync(path, cancellationToken).ConfigureAwait(false);
            if (item is null) return null;
            if (item.Folder is not null)
                throw new LibraryException(409, "nameConflict", $"Unter „{path}“ liegt ein Ordner, keine Datei.");
            return ToFile(item, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw GraphErrors.Map(ex, $"Datei „{path}“ lesen");
        }
    }

    public async Task<LibraryFile> UploadAsync(string folderId, string folderPath, string fileName, BinaryData content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var size = content.ToMemory().Length;
        var target = _graph.Drives[_driveId].Items[folderId].ItemWithPath(fileName);
        try
        {
            if (size <= _options.SimpleUploadMaxBytes)
            {
                await using var stream = content.ToStream();
                var item = await target.Content.PutAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false)
                           ?? throw new LibraryException(0, "emptyResponse", "PUT …/content lieferte kein Element.");
                return ToFile(item, "put");
            }

            var session = await target.CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
            {
                Item = new DriveItemUploadableProperties
                {
                    AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" },
                },
            }, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new LibraryException(0, "emptyResponse", "createUploadSession lieferte keine Sitzung.");
            await using (var stream = content.ToStream())
            {
                var task = new LargeFileUploadTask<DriveItem>(session, stream, _options.UploadSliceBytes, _graph.RequestAdapter);
                var result = await task.UploadAsync(maxTries: 3, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (result.UploadSucceeded && result.ItemResponse?.Id is not null)
                    return ToFile(result.ItemResponse, "session");
            }
            // Finished without the item in the last answer (e.g. the last slice had arrived before): read it.
            var uploaded = await TryGetAsync(folderPath + "/" + fileName, cancellationToken).ConfigureAwait(false)
                           ?? throw new LibraryException(0, "uploadIncomplete", "Die Upload-Sitzung endete ohne Datei.");
            return ToFile(uploaded, "session");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (GraphErrors.IsStatus(ex, 404))
            {
                // The folder vanished since it was cached: create it again next time.
                _folderIds.TryRemove(folderPath, out _);
                throw new LibraryException(0, "folderGone", $"Ordner „{folderPath}“ nicht mehr vorhanden; wird beim nächsten Versuch neu angelegt.", null, ex);
            }
            throw GraphErrors.Map(ex, $"„{folderPath}/{fileName}“ hochladen");
        }
    }

    public async Task SetFieldsAsync(LibraryFile file, IReadOnlyDictionary<string, string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(columns);
        try
        {
            var item = await _graph.Drives[_driveId].Items[file.Id].GetAsync(r => r.QueryParameters.Select = ["id", "sharepointIds"], cancellationToken).ConfigureAwait(false);
            var ids = item?.SharepointIds;
            if (ids?.ListId is null || ids.ListItemId is null)
                throw new LibraryException(0, "noListItem", $"Zur Datei {file.Id} meldet Graph kein Listenelement (sharepointIds fehlen).");
            await _graph.Sites[_siteId].Lists[ids.ListId].Items[ids.ListItemId].Fields.PatchAsync(new FieldValueSet
            {
                AdditionalData = columns.ToDictionary(c => c.Key, c => (object)c.Value),
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw GraphErrors.Map(ex, "Spalten setzen");
        }
    }

    private async Task<DriveItem?> TryGetAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _graph.Drives[_driveId].Items["root"].ItemWithPath(path)
                .GetAsync(r => r.QueryParameters.Select = FileSelect, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (GraphErrors.IsStatus(ex, 404))
        {
            return null;
        }
    }

    private static string FolderId(DriveItem item, string path) =>
        item.Folder is null || item.Id is null
            ? throw new LibraryException(409, "nameConflict", $"Unter „{path}“ liegt eine Datei, kein Ordner.")
            : item.Id;

    private static LibraryFile ToFile(DriveItem item, string? method) =>
        new(item.Id ?? throw new LibraryException(0, "noId", "Graph lieferte ein Element ohne id."),
            item.Size ?? 0, item.File?.Hashes?.QuickXorHash, item.WebUrl, method);
}
