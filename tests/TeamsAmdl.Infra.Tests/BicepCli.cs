using System.Diagnostics;
using System.Reflection;

namespace TeamsAmdl.Infra.Tests;

/// <summary>Output of one Bicep CLI run with its parsed diagnostics.</summary>
public sealed record BicepResult(int ExitCode, string StdOut, string StdErr)
{
    public IReadOnlyList<BicepDiagnostic> Diagnostics { get; } = BicepDiagnostic.Parse(StdErr + "\n" + StdOut);

    /// <summary>Clean: exit code 0 and no error or warning (linter warnings leave the exit code at 0, hence the parse).</summary>
    public bool IsClean => ExitCode == 0 && !Diagnostics.Any(d => d.IsErrorOrWarning);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (path baked in at build time).</summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(FindExecutable);

    public static Task<BicepResult> BuildAsync(string file, string outFile) => RunAsync("build", file, "--outfile", outFile);

    public static Task<BicepResult> BuildParamsAsync(string file, string outFile) =>
        RunAsync("build-params", file, "--outfile", outFile);

    public static Task<BicepResult> LintAsync(string file) => RunAsync("lint", file);

    public static async Task<BicepResult> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + psi.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish within 120 s");
        }
        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindExecutable()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value;
        if (!File.Exists(path))
            throw new InvalidOperationException($"Bicep CLI not found at '{path}': restore tests/TeamsAmdl.Infra.Tests.");
        // NuGet extracts without keeping the execute bit on some systems.
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows()) return path;
        var mode = File.GetUnixFileMode(path);
        if ((mode & exec) != exec) File.SetUnixFileMode(path, mode | exec | UnixFileMode.UserRead);
        return path;
    }
}
