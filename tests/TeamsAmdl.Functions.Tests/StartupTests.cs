using System.Diagnostics;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>The dev host executable, started as run.sh starts it.</summary>
public sealed class StartupTests
{
    private static async Task<(int ExitCode, string StdErr)> RunAppAsync(string connectionString, params (string Name, string Value)[] settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TeamsAmdl.DevHost.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["PORT"] = Azurite.FreePort().ToString();
        psi.Environment["Storage__ConnectionString"] = connectionString;
        psi.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (name, value) in settings) psi.Environment[name] = value;
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
        var (code, err) = await RunAppAsync("", ("Staff__Groups__0__GroupId", "IFK-Gruppe"), ("Staff__Groups__0__Roles", "Ifk"));
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Staff:Groups:0:GroupId", line);
        Assert.Contains("IFK-Gruppe", line);
    }
}
