using Microsoft.AspNetCore.StaticFiles;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// The app's static files (wwwroot: tab page, dev inbox), copied next to the assembly by the build and the publish,
/// so both hosts find them without IWebHostEnvironment (the isolated worker has no web root).
/// </summary>
public sealed class WebRoot
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>The full path of a file below wwwroot, or null if it does not exist or lies outside.</summary>
    public string? Find(string relative)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));
        return full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) && System.IO.File.Exists(full) ? full : null;
    }

    public IResult File(string relative) => Find(relative) is { } full
        ? Results.File(full, ContentType(full))
        : ProblemResponses.Problem(404, "not_found", $"Datei „{relative}“ fehlt im wwwroot der App.");

    public static string ContentType(string path) =>
        ContentTypes.TryGetContentType(path, out var type)
            ? type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? type + "; charset=utf-8" : type
            : "application/octet-stream";
}
