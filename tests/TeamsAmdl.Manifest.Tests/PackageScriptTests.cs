using System.IO.Compression;
using System.Text.Json.Nodes;

namespace TeamsAmdl.Manifest.Tests;

/// <summary>manifest/package.sh builds a valid Teams app package with the placeholders substituted.</summary>
public sealed class PackageScriptTests
{
    private const string BotAppId = "6f1c2b9e-0d4a-4c3e-9b7a-2e5d8f1a3c40";
    private const string Host = "func-teamsamdl-test-abc123.azurewebsites.net";
    private static readonly string Script = Repo.Path("manifest", "package.sh");

    [Fact]
    public async Task Package_holds_manifest_and_icons_with_every_placeholder_substituted()
    {
        using var dir = new TempDir();

        var result = await Tool.BashAsync(Script, "--bot-app-id", BotAppId, "--hostname", Host, "--version", "2.3.4", "--out", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var zipPath = dir.File("TeamsAmdl.zip");
        Assert.True(File.Exists(zipPath), result.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var text = await ReadTextAsync(zip.GetEntry("manifest.json")!);
        Assert.DoesNotContain("{{", text);
        var m = JsonNode.Parse(text)!;
        Assert.Equal("2.3.4", m["version"]!.GetValue<string>());
        Assert.Equal(BotAppId, m["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(BotAppId, m["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{Host}/{BotAppId}", m["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal([Host], m["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal($"https://{Host}/tab/config", m["configurableTabs"]![0]!["configurationUrl"]!.GetValue<string>());
        Assert.Equal($"https://{Host}/tab", m["staticTabs"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Equal("de-DE", m["localizationInfo"]!["defaultLanguageTag"]!.GetValue<string>());

        foreach (var icon in new[] { "color.png", "outline.png" })
            Assert.Equal(await File.ReadAllBytesAsync(Repo.Path("manifest", icon)), await ReadBytesAsync(zip.GetEntry(icon)!));
    }

    [Fact]
    public async Task Packaged_manifest_passes_the_validator_without_dummy_values()
    {
        using var dir = new TempDir();
        var build = await Tool.BashAsync(Script, "--bot-app-id", BotAppId, "--hostname", Host, "--out", dir.Path);
        Assert.True(build.ExitCode == 0, build.ToString());
        var extracted = Path.Combine(dir.Path, "extracted");
        ZipFile.ExtractToDirectory(dir.File("TeamsAmdl.zip"), extracted);

        var result = await Tool.NodeAsync(Repo.Path("manifest", "validate.js"), Path.Combine(extracted, "manifest.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("placeholders", result.StdOut);
        Assert.Equal("1.0.0", JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(extracted, "manifest.json")))!["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--hostname", "https://func-teamsamdl.azurewebsites.net/", "--hostname must be a bare host name")]
    [InlineData("--bot-app-id", "not-a-guid", "--bot-app-id must be the app registration's application (client) ID")]
    [InlineData("--version", "1.0", "--version must be MAJOR.MINOR.PATCH")]
    public async Task Bad_option_values_are_refused_and_no_package_is_written(string option, string value, string message)
    {
        using var dir = new TempDir();
        var options = new Dictionary<string, string>
        {
            ["--bot-app-id"] = BotAppId,
            ["--hostname"] = Host,
            ["--version"] = "1.0.0",
            [option] = value,
        };
        string[] args = [Script, .. options.SelectMany(o => new[] { o.Key, o.Value }), "--out", dir.Path];

        var result = await Tool.BashAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.StdErr);
        Assert.False(File.Exists(dir.File("TeamsAmdl.zip")));
    }

    [Fact]
    public async Task Missing_options_are_named()
    {
        var result = await Tool.BashAsync(Script);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("missing --bot-app-id --hostname", result.StdErr);
    }

    private static async Task<string> ReadTextAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }

    private static async Task<byte[]> ReadBytesAsync(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
