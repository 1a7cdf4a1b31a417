using System.Diagnostics;

namespace TeamsAmdl.TestSupport;

/// <summary>
/// Starts a .NET program from the test's output folder as a process of its own (crash tests kill it), with
/// stdin/stdout/stderr redirected; every output line goes to <paramref name="onLine"/> ("stderr: " marks errors).
/// </summary>
public static class DotnetChildProcess
{
    public static Process Start(string dllName, IReadOnlyDictionary<string, string> environment, Action<string> onLine)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(directory, dllName));
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dllName} did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
