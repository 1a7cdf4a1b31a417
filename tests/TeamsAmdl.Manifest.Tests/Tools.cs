using System.Diagnostics;

namespace TeamsAmdl.Manifest.Tests;

/// <summary>The repository root: the first folder above the test binaries that holds TeamsAmdl.sln.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "TeamsAmdl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TeamsAmdl.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootDir.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}

public sealed record ToolResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Runs a command line tool in the repository root and captures its output.</summary>
public static class Tool
{
    public static Task<ToolResult> RunAsync(string fileName, params string[] args) => RunAsync(TimeSpan.FromSeconds(60), fileName, args);

    /// <param name="timeout">The Agents Toolkit CLI loads a large bundle: on a busy machine it needs more than a minute.</param>
    public static async Task<ToolResult> RunAsync(TimeSpan timeout, string fileName, params string[] args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The package script reads these as defaults; the tests always pass explicit options.
        psi.Environment.Remove("BOT_APP_ID");
        psi.Environment.Remove("APP_HOSTNAME");
        psi.Environment.Remove("APP_VERSION");

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<ToolResult> NodeAsync(params string[] args) => RunAsync("node", args);

    public static Task<ToolResult> BashAsync(params string[] args) => RunAsync("bash", args);
}

/// <summary>A temporary folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("teamsamdl-manifest-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
