using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.DevInbox;

/// <summary>
/// Files for the inbox page from the repository (found by walking up to TeamsAmdl.sln from the content root, else
/// from the app's folder): the card renderer harness and the official adaptivecards renderer with the Teams host
/// config and container CSS — only below the folders listed in <see cref="AllowedPrefixes"/>. The page's own files
/// come from <see cref="WebRoot"/>.
/// </summary>
public sealed class DevAssets(IHostEnvironment env)
{
    public static readonly string[] AllowedPrefixes =
    [
        "cards/render/", "node_modules/adaptivecards/dist/", "node_modules/adaptivecards-designer/lib/hostConfigs/",
        "node_modules/adaptivecards-designer/dist/containers/",
    ];

    private readonly Lazy<string?> _repoRoot = new(() => FindRepoRoot(env.ContentRootPath) ?? FindRepoRoot(AppContext.BaseDirectory));

    public IResult RepoFile(string relative)
    {
        relative = relative.Replace('\\', '/');
        var root = _repoRoot.Value;
        if (root is null)
            return ProblemResponses.Problem(404, "repo_not_found",
                "Das Repository (TeamsAmdl.sln) wurde oberhalb der App nicht gefunden; der Kartenrenderer ist nur aus dem Quellbaum verfügbar.");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        // The allow-list applies to the resolved path: "dist/..\..\.azurite/…" starts with an allowed prefix but is not in it.
        var resolved = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (!AllowedPrefixes.Any(p => resolved.StartsWith(p, StringComparison.Ordinal))
            || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            return ProblemResponses.Problem(404, "not_found",
                relative.StartsWith("node_modules/", StringComparison.Ordinal)
                    ? $"„{relative}“ fehlt: im Repository einmal `npm ci` ausführen (./run.sh tut das)."
                    : $"„{relative}“ gibt es nicht oder darf nicht ausgeliefert werden.");
        return Results.File(full, WebRoot.ContentType(full));
    }

    private static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TeamsAmdl.sln")))
                return dir.FullName;
        return null;
    }
}
