using System.Diagnostics;
using System.IO.Compression;

namespace TeamsAmdl.Infra.Tests;

/// <summary>
/// The deployment package as infra/README.md makes it: `dotnet publish functions/TeamsAmdl.Functions -c Release -o out`,
/// zipped. The Functions host needs functions.metadata (the functions), worker.config.json (how to start the worker)
/// and host.json at the root of the zip; the tab's files must be in it; local settings must not.
/// </summary>
public sealed class PublishPackageTests
{
    [Fact]
    public async Task Publish_produces_a_zip_the_Functions_host_can_run()
    {
        using var dir = new TempDir();
        var output = Path.Combine(dir.Path, "out");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "publish", Path.Combine(Repo.Root, "functions", "TeamsAmdl.Functions"), "-c", "Release", "-o", output, "--nologo", "-v", "q" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await p.WaitForExitAsync(cts.Token);
        Assert.True(p.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");

        var zip = Path.Combine(dir.Path, "teamsamdl.zip");
        ZipFile.CreateFromDirectory(output, zip);
        using var archive = ZipFile.OpenRead(zip);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();
        foreach (var required in new[] { "functions.metadata", "worker.config.json", "host.json", "TeamsAmdl.Functions.dll", "extensions.json",
                     "wwwroot/tab/index.html", "wwwroot/tab/lib/MicrosoftTeams.min.js" })
            Assert.Contains(required, entries);
        Assert.DoesNotContain("local.settings.json", entries);
        using var metadata = new StreamReader(archive.GetEntry("functions.metadata")!.Open());
        var text = await metadata.ReadToEndAsync();
        Assert.Contains("\"messages\"", text);
        Assert.Contains("queueTrigger", text);
    }
}
