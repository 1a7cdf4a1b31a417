using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsAmdl.Manifest.Tests;

/// <summary>
/// Issue 18: the Outlook add-in in the same app package. The packaged manifest passes the Microsoft 365 Agents Toolkit
/// CLI (<c>atk validate</c>) as well as manifest/validate.js; both reject broken copies of the extension.
/// </summary>
public sealed class AddinManifestTests
{
    private const string BotId = "11111111-2222-4333-8444-555555555555";
    private const string Host = "func-teamsamdl-test.azurewebsites.net";
    private static readonly string Atk = Repo.Path("node_modules", ".bin", "atk");
    private static readonly TimeSpan AtkTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Manifest_declares_a_mail_read_button_opening_the_task_pane_of_the_app()
    {
        var m = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Path("manifest", "manifest.json")))!;
        var extension = Assert.Single(m["extensions"]!.AsArray())!;
        Assert.Equal(["mail"], extension["requirements"]!["scopes"]!.AsArray().Select(s => (string?)s));
        var mailbox = Assert.Single(extension["requirements"]!["capabilities"]!.AsArray())!;
        Assert.Equal(("Mailbox", "1.14"), ((string?)mailbox["name"], (string?)mailbox["minVersion"])); // getAsFileAsync
        var runtime = Assert.Single(extension["runtimes"]!.AsArray())!;
        Assert.Equal("https://{{HOSTNAME}}/addin", (string?)runtime["code"]!["page"]);
        var ribbon = Assert.Single(extension["ribbons"]!.AsArray())!;
        Assert.Equal(["mailRead"], ribbon["contexts"]!.AsArray().Select(s => (string?)s));
        var button = ribbon["tabs"]![0]!["groups"]![0]!["controls"]![0]!;
        Assert.Equal("In e-Akte ablegen", (string?)button["label"]);
        Assert.Equal((string?)runtime["actions"]![0]!["id"], (string?)button["actionId"]);
        Assert.Contains(m["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray(),
            p => (string?)p!["name"] == "MailboxItem.ReadWrite.User" && (string?)p["type"] == "Delegated");
        foreach (var size in new[] { 16, 32, 80 })
            Assert.True(File.Exists(Repo.Path("functions", "TeamsAmdl.Functions", "wwwroot", "addin", $"icon-{size}.png")), $"icon-{size}.png");
    }

    [Fact]
    public async Task Packaged_manifest_passes_the_Agents_Toolkit_validator()
    {
        using var dir = new TempDir();
        var manifest = await PackageAndExtractAsync(dir);

        var result = await Tool.RunAsync(AtkTimeout, Atk, "validate", "--manifest-file", manifest, "--telemetry", "false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("All passed", result.StdOut);
        Assert.DoesNotContain("failed", result.StdOut + result.StdErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Agents_Toolkit_validator_rejects_an_overlong_button_label()
    {
        using var dir = new TempDir();
        var manifest = await PackageAndExtractAsync(dir);
        var m = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!;
        m["extensions"]![0]!["ribbons"]![0]!["tabs"]![0]!["groups"]![0]!["controls"]![0]!["label"] = new string('x', 65);
        await File.WriteAllTextAsync(manifest, m.ToJsonString());

        var result = await Tool.RunAsync(AtkTimeout, Atk, "validate", "--manifest-file", manifest, "--telemetry", "false");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("/extensions/0/ribbons/0/tabs/0/groups/0/controls/0/label", result.StdOut + result.StdErr);
    }

    [Theory]
    [InlineData("page", "/extensions/0/runtimes/0/code/page: host elsewhere.example.net is not listed in validDomains")]
    [InlineData("icon", "/extensions/0/ribbons/0/tabs/0/groups/0/controls/0/icons/0/url: must be an https URL")]
    [InlineData("action", "/extensions/0/ribbons/0/tabs/0/groups/0/controls/0/actionId: names no action of the extension's runtimes")]
    public async Task Project_validator_rejects_a_broken_extension(string breakage, string problem)
    {
        using var dir = new TempDir();
        var manifest = await PackageAndExtractAsync(dir);
        var m = JsonNode.Parse(await File.ReadAllTextAsync(manifest))!;
        var control = m["extensions"]![0]!["ribbons"]![0]!["tabs"]![0]!["groups"]![0]!["controls"]![0]!;
        switch (breakage)
        {
            case "page": m["extensions"]![0]!["runtimes"]![0]!["code"]!["page"] = "https://elsewhere.example.net/addin"; break;
            case "icon": control["icons"]![0]!["url"] = $"http://{Host}/addin/icon-16.png"; break;
            default: control["actionId"] = "gibtEsNicht"; break;
        }
        await File.WriteAllTextAsync(manifest, m.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var result = await Tool.NodeAsync(Repo.Path("manifest", "validate.js"), manifest);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{manifest}: {problem}", result.StdErr);
    }

    /// <summary>Builds the package with manifest/package.sh and unpacks it: atk validates a manifest next to its icons.</summary>
    private static async Task<string> PackageAndExtractAsync(TempDir dir)
    {
        var built = await Tool.BashAsync(Repo.Path("manifest", "package.sh"), "--bot-app-id", BotId, "--hostname", Host, "--out", dir.Path);
        Assert.True(built.ExitCode == 0, built.ToString());
        var unpacked = Path.Combine(dir.Path, "package");
        ZipFile.ExtractToDirectory(Path.Combine(dir.Path, "TeamsAmdl.zip"), unpacked);
        return Path.Combine(unpacked, "manifest.json");
    }
}
