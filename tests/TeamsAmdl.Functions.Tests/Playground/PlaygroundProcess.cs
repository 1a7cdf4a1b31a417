using System.Diagnostics;
using System.Text;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.Playground;

/// <summary>
/// The Agents Playground (npm @microsoft/m365agentsplayground) started the way the README says, through
/// infra/local/playground.sh, against the app at <c>appUrl</c> on a free port; killed (with its children) on dispose.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PlaygroundProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The playground's web UI (and its connector under /_connector).</summary>
    public string Url { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<PlaygroundProcess> StartAsync(string appUrl, string user)
    {
        var root = RepoRoot.Find();
        var port = Azurite.FreePort();
        var psi = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = root };
        psi.ArgumentList.Add(Path.Combine(root, "infra", "local", "playground.sh"));
        psi.ArgumentList.Add(user);
        psi.Environment["APP_URL"] = appUrl;
        psi.Environment["PLAYGROUND_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var playground = new PlaygroundProcess(Process.Start(psi)!, $"http://localhost:{port}");
        playground._process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        playground._process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        playground._process.BeginOutputReadLine();
        playground._process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (playground._process.HasExited)
                throw new InvalidOperationException($"The playground stopped ({playground._process.ExitCode}):\n{playground.Output}");
            try
            {
                if ((await http.GetAsync(playground.Url)).IsSuccessStatusCode) return playground;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy machine
            }
            if (DateTime.UtcNow > deadline)
            {
                await playground.DisposeAsync();
                throw new TimeoutException($"The playground did not answer on {playground.Url}:\n{playground.Output}");
            }
            await Task.Delay(250);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
