using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsAmdl.Filing.Graph;
using TeamsAmdl.Filing.Tests.Support;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Filing.Tests;

/// <summary>Filing inside the real app: start-up checks, the dev e-Akte folder, the parked-jobs report.</summary>
public sealed class AppWiringTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Outside_Development_missing_settings_stop_the_start_with_one_line_naming_them()
    {
        var (code, err) = await RunAppAsync("Production", new() { ["Seed__Demo"] = "false" });
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Filing:SiteId", line);
        Assert.Contains("Filing:DriveId", line);
        output.WriteLine(line);
    }

    [Fact]
    public async Task A_half_configured_library_stops_the_start_in_Development_too()
    {
        var (code, err) = await RunAppAsync("Development", new() { ["Filing__SiteId"] = "contoso.sharepoint.com,a,b" });
        Assert.Equal(2, code);
        Assert.Equal("E-Akte unvollständig konfiguriert: Filing:DriveId fehlt (Filing:SiteId ist gesetzt).", err.Trim());
    }

    [Fact]
    public async Task In_Development_the_demo_documents_land_in_the_local_e_Akte_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "teamsamdl-e-akte-" + Guid.NewGuid().ToString("N"));
        await using var app = new FilingApp(folder, library: null);
        var client = app.ClientAs("koord-weber");

        var response = await client.PostAsync("/api/dev/filing/demo?measure=962-U-2026-0301", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("LocalFolder", body.GetProperty("mode").GetString());
        var jobs = body.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(4, jobs.Count);

        var filed = await WaitAsync(async () => (await client.GetFromJsonAsync<JsonElement[]>("/api/filing/jobs?status=Filed"))!, j => j.Length == 4);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Where(f => !f.StartsWith('.') && !f.Contains("/.")).Order().ToList();
        output.WriteLine(string.Join('\n', files));
        Assert.Equal(4, files.Count);
        // Records are PDF/A; only the letter draft a person edits is DOCX.
        Assert.Equal(3, files.Count(f => Regex.IsMatch(f, @"^[^/]+/962-U-2026-0301/(Bewertungsbögen TM|Maßnahmeinfo|Auslastung)/2026-11-21_.+\.pdf$")));
        Assert.Single(files, f => Regex.IsMatch(f, @"^[^/]+/962-U-2026-0301/Schriftverkehr Mängel/2026-11-21_Mängelschreiben Entwurf\.docx$"));
        Assert.All(filed, j => Assert.Equal("local", j.GetProperty("uploadMethod").GetString()));

        // Again: same documents, same paths — nothing new is queued.
        var again = await (await client.PostAsync("/api/dev/filing/demo?measure=962-U-2026-0301", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(again.GetProperty("jobs").EnumerateArray(), j => Assert.False(j.GetProperty("created").GetBoolean()));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task A_job_refused_by_Graph_is_reported_to_coordinators_and_can_be_requeued()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        var options = graph.Options();
        await using var app = new FilingApp(Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N")),
            new GraphDocumentLibrary(FilingGraph.CreateClient(options, new StaticTokenCredential(FakeGraphServer.Token)), options));
        graph.Fail("PUT", "/content", 403, code: "accessDenied");
        var coordinator = app.ClientAs("koord-weber");

        await coordinator.PostAsync("/api/dev/filing/demo?measure=962-U-2026-0301", null);
        var parked = await WaitAsync(async () => (await coordinator.GetFromJsonAsync<JsonElement[]>("/api/filing/jobs?status=Parked"))!, j => j.Length == 4);
        var first = parked[0];
        Assert.Equal(403, first.GetProperty("lastHttpStatus").GetInt32());
        Assert.Equal("accessDenied", first.GetProperty("lastErrorCode").GetString());
        Assert.StartsWith("Dauerhaft abgelehnt (HTTP 403 accessDenied)", first.GetProperty("lastError").GetString());

        // Only roles that look after the e-Akte see it.
        var betreuer = await app.ClientAs("betr-01").GetAsync("/api/filing/jobs?status=Parked");
        Assert.Equal(HttpStatusCode.Forbidden, betreuer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/api/filing/jobs?status=Verloren")).StatusCode);

        graph.ClearFaults();
        var requeued = await coordinator.PostAsync($"/api/filing/jobs/{first.GetProperty("jobId").GetString()}/requeue", null);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        await WaitAsync(async () => (await coordinator.GetFromJsonAsync<JsonElement[]>("/api/filing/jobs?status=Filed"))!, j => j.Length == 1);
        Assert.NotNull(graph.File(first.GetProperty("path").GetString()!));
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (watch.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("condition not reached");
            await Task.Delay(100);
        }
    }

    private static async Task<(int ExitCode, string StdErr)> RunAppAsync(string environment, Dictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TeamsAmdl.DevHost.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["PORT"] = Azurite.FreePort().ToString();
        psi.Environment["Storage__ConnectionString"] = Azurite.ConnectionString;
        psi.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (k, v) in settings) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        finally
        {
            if (!p.HasExited) p.Kill(true);
        }
        return (p.ExitCode, await stderr);
    }

    /// <summary>The app in Development on Azurite (own prefix), filing into <paramref name="folder"/> or the given library.</summary>
    private sealed class FilingApp(string folder, IDocumentLibrary? library) : WebApplicationFactory<TeamsAmdl.DevHost.Program>
    {
        private readonly string _prefix = Azurite.UniqueName("f")[..12];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", _prefix);
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Filing:LocalFolder", folder);
            builder.UseSetting("Filing:PollInterval", "00:00:00.050");
            builder.UseSetting("Filing:MaxPollInterval", "00:00:00.200");
            builder.ConfigureServices(s =>
            {
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTime(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero))));
                if (library is not null) s.Replace(ServiceDescriptor.Singleton(library));
            });
        }

        public HttpClient ClientAs(string devUser)
        {
            var c = CreateClient();
            c.DefaultRequestHeaders.Add("X-Dev-User", devUser);
            return c;
        }
    }
}
