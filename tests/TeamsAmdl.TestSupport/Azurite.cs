using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TeamsAmdl.TestSupport;

/// <summary>
/// The Azurite instance the tests talk to. ./test.sh starts one and passes its connection string in
/// TEAMSAMDL_TEST_STORAGE; run from an IDE without it, the first test starts one from node_modules itself.
/// Tests isolate themselves by unique table/container/queue names (see <see cref="UniqueName"/>).
/// </summary>
public static class Azurite
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<string> Connection = new(StartOrReuse, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? _ownProcess;

    public static string ConnectionString => Connection.Value;

    /// <summary>A name valid for tables, queues and containers: lower-case letters and digits, starts with a letter.</summary>
    public static string UniqueName(string prefix = "t") =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(40, prefix.Length + 32)].ToLowerInvariant();

    private static string StartOrReuse()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TEAMSAMDL_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;

        var root = RepoRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"Azurite not installed: run ./test.sh (or npm ci in {root}).");
        int bp = FreePort(), qp = FreePort(), tp = FreePort();
        var psi = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { script, "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
                     "--blobHost", "127.0.0.1", "--blobPort", bp.ToString(), "--queueHost", "127.0.0.1", "--queuePort", qp.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", tp.ToString() })
            psi.ArgumentList.Add(a);
        _ownProcess = Process.Start(psi)!;
        _ownProcess.OutputDataReceived += (_, _) => { };
        _ownProcess.ErrorDataReceived += (_, _) => { };
        _ownProcess.BeginOutputReadLine();
        _ownProcess.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { _ownProcess.Kill(true); } catch { /* already gone */ } };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in new[] { bp, qp, tp })
        {
            while (!CanConnect(port))
            {
                if (DateTime.UtcNow > deadline || _ownProcess.HasExited)
                    throw new InvalidOperationException("Azurite did not start.");
                Thread.Sleep(100);
            }
        }
        return $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
               $"BlobEndpoint=http://127.0.0.1:{bp}/{AccountName};QueueEndpoint=http://127.0.0.1:{qp}/{AccountName};" +
               $"TableEndpoint=http://127.0.0.1:{tp}/{AccountName};";
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static bool CanConnect(int port)
    {
        try { using var c = new TcpClient(); c.Connect(IPAddress.Loopback, port); return true; }
        catch (SocketException) { return false; }
    }
}

/// <summary>Locates the repository root (the folder with TeamsAmdl.sln) from the test's working directory.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsAmdl.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TeamsAmdl.sln not found above " + AppContext.BaseDirectory);
    }
}
