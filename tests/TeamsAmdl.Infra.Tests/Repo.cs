namespace TeamsAmdl.Infra.Tests;

/// <summary>The repository root (TestSupport's RepoRoot) and the files under infra/.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootDir = new(TeamsAmdl.TestSupport.RepoRoot.Find);

    public static string Root => RootDir.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Every file under infra/ with one of the extensions, relative to the root with '/' (stable test names).</summary>
    public static IReadOnlyList<string> InfraFiles(params string[] extensions) =>
        Directory.EnumerateFiles(Path("infra"), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.Ordinal))
            .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Contains("node_modules"))
            .Select(f => System.IO.Path.GetRelativePath(Root, f).Replace(System.IO.Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
