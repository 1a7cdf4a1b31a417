namespace TeamsAmdl.TestSupport;

/// <summary>Where Debian's chromium lives; ./test.sh installs it and exports CHROMIUM_PATH.</summary>
public static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
            if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return fromEnv;
            foreach (var p in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
                if (File.Exists(p)) return p;
            throw new InvalidOperationException("chromium not found: run ./test.sh, which installs Debian's chromium.");
        }
    }

    /// <summary>Flags for a closed network and running as root (see the machine notes).</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>Folder for screenshots/PNGs written for review: artifacts/{area} under the repo root.</summary>
    public static string ArtifactsDir(string area)
    {
        var dir = Path.Combine(RepoRoot.Find(), "artifacts", area);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
