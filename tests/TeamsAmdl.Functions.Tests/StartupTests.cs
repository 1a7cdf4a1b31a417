using System.Diagnostics;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>The dev host executable, started as run.sh starts it.</summary>
public sealed class StartupTests
{
    private static Task<(int ExitCode, string StdErr)> RunAppAsync(string connectionString) =>
        RunAppAsync("Development", new() { ["Storage__ConnectionString"] = connectionString });

    private static async Task<(int ExitCode, string StdErr)> RunAppAsync(string environment, Dictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TeamsAmdl.DevHost.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        // Nothing of this test process's environment may configure the app (a developer's shell could set Storage__…).
        foreach (var key in psi.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["PORT"] = Azurite.FreePort().ToString();
        psi.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (k, v) in settings) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stderr);
    }

    [Fact]
    public async Task Unreachable_storage_exits_with_one_line_that_says_what_to_do()
    {
        var closedPort = Azurite.FreePort();
        var (code, err) = await RunAppAsync(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;");
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{closedPort}", line);
        Assert.Contains("Azurite", line);
        Assert.Contains("Storage:ConnectionString", line);
    }

    [Fact]
    public async Task Missing_storage_setting_names_the_setting()
    {
        var (code, err) = await RunAppAsync("");
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Storage:ConnectionString", line);
        Assert.Contains("Storage:AccountName", line);
    }

    [Fact]
    public async Task A_bad_staff_group_mapping_stops_the_start_naming_the_setting()
    {
        var (code, err) = await RunAppAsync("Development", new() { ["Staff__Groups__0__GroupId"] = "IFK-Gruppe", ["Staff__Groups__0__Roles"] = "Ifk" });
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Staff:Groups:0:GroupId", line);
        Assert.Contains("IFK-Gruppe", line);
    }

    [Fact]
    public async Task Production_without_any_setting_exits_2_with_one_German_line_naming_every_missing_setting()
    {
        // Issue 12: Production started without Auth:* (every call then 401) and without Bot:AppId (timers threw).
        var (code, err) = await RunAppAsync("Production", []);
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Start abgebrochen, es fehlen Einstellungen:", line);
        foreach (var setting in new[] { "Storage:ConnectionString", "Storage:AccountName", "Auth:MetadataUrl", "Auth:Audience", "Auth:TenantId",
                     "Bot:AppId", "Bot:TenantId", "Filing:SiteId", "Filing:DriveId" })
            Assert.Contains(setting, line);
    }

    [Fact]
    public async Task Production_with_storage_and_filing_but_without_auth_and_bot_names_just_those()
    {
        var (code, err) = await RunAppAsync("Production", new()
        {
            ["Storage__ConnectionString"] = Azurite.ConnectionString, ["Filing__SiteId"] = "site", ["Filing__DriveId"] = "drive",
            ["Auth__MetadataUrl"] = "login.example/v2.0", ["Bot__AppId"] = "00000000-0000-0000-0000-00000000b07e",
        });
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Start abgebrochen, es fehlen Einstellungen: Auth:MetadataUrl (keine gültige URL), Auth:Audience, Auth:TenantId, Bot:TenantId.", line);
    }

    [Fact]
    public async Task Production_with_the_Agents_Playground_switched_on_exits_2_naming_the_setting()
    {
        // The playground mode takes activities without a Bot Connector token: it must never run outside Development.
        var (code, err) = await RunAppAsync("Production", new()
        {
            ["Storage__ConnectionString"] = Azurite.ConnectionString, ["Filing__SiteId"] = "site", ["Filing__DriveId"] = "drive",
            ["Auth__MetadataUrl"] = "https://login.example/v2.0/.well-known/openid-configuration", ["Auth__Audience"] = "api://teamsamdl",
            ["Auth__TenantId"] = "00000000-0000-0000-0000-00000000a17e", ["Bot__AppId"] = "00000000-0000-0000-0000-00000000b07e",
            ["Bot__TenantId"] = "00000000-0000-0000-0000-00000000a17e", ["Bot__Playground"] = "true",
        });
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Start abgebrochen: Bot:Playground ist nur in Development erlaubt (es nimmt Aktivitäten ohne Bot-Connector-Token an).", line);
    }
}
