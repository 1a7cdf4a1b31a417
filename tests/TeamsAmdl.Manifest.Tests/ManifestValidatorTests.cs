using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsAmdl.Manifest.Tests;

/// <summary>manifest/validate.js accepts the committed manifest and provably rejects broken copies of it.</summary>
public sealed class ManifestValidatorTests
{
    private static readonly string ManifestPath = Repo.Path("manifest", "manifest.json");
    private static readonly string Validator = Repo.Path("manifest", "validate.js");

    [Fact]
    public async Task Committed_manifest_passes_schema_rules_and_icon_checks()
    {
        var version = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!["manifestVersion"]!.GetValue<string>();

        var result = await Tool.NodeAsync(Validator, ManifestPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"OK (Teams manifest schema v{version}", result.StdOut);
        Assert.Contains("color.png 192x192", result.StdOut);
        Assert.Contains("outline.png 32x32", result.StdOut);
    }

    /// <summary>The bot's commands (Bot/BotCommands.cs) are offered in the compose box: all three in the personal chat, help elsewhere.</summary>
    [Fact]
    public async Task Bot_command_list_offers_the_three_commands_with_German_descriptions()
    {
        var bot = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!["bots"]![0]!;
        var lists = bot["commandLists"]!.AsArray();
        var personal = lists.Single(l => l!["scopes"]!.AsArray().Select(s => (string?)s).Contains("personal"))!;
        Assert.Equal(["meine aufgaben", "einstellungen", "hilfe"], personal["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.All(lists.SelectMany(l => l!["commands"]!.AsArray()), c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["description"])));
        // One list per scope (the schema's advice); in teams and group chats only help: tasks are personal.
        Assert.All(lists.Where(l => l != personal), l => Assert.Equal(["hilfe"], l!["commands"]!.AsArray().Select(c => (string?)c!["title"])));
        Assert.All(lists, l => Assert.Single(l!["scopes"]!.AsArray()));
    }

    [Theory]
    [InlineData("missing bot id", "/bots/0/botId")]
    [InlineData("short name over 30 characters", "/name/short")]
    [InlineData("unknown top-level property", "/bot")]
    [InlineData("bot scope Teams does not know", "/bots/0/scopes/3")]
    [InlineData("version not MAJOR.MINOR.PATCH", "/version")]
    [InlineData("tab on a host outside validDomains", "/staticTabs/0/contentUrl")]
    [InlineData("SSO resource on another host", "/webApplicationInfo/resource")]
    [InlineData("$schema of another manifest version", "/$schema")]
    [InlineData("bot command scope Teams does not know", "/bots/0/commandLists/0/scopes/1")]
    public async Task Broken_copy_fails_with_exactly_one_problem_naming_the_field(string breakage, string field)
    {
        using var dir = new TempDir();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject();
        Break(manifest, breakage);
        var file = await WriteWithIconsAsync(dir, manifest);

        var result = await Tool.NodeAsync(Validator, file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var problems = ProblemLines(result, file);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{file}: {field}: ", problem);
    }

    [Fact]
    public async Task Unchanged_copy_in_a_temp_folder_passes_so_the_broken_copies_fail_for_their_breakage_only()
    {
        using var dir = new TempDir();
        var file = await WriteWithIconsAsync(dir, JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject());

        var result = await Tool.NodeAsync(Validator, file);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Wrong_icon_size_and_an_opaque_colored_outline_are_reported()
    {
        using var dir = new TempDir();
        var file = await WriteWithIconsAsync(dir, JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject());
        File.Copy(Repo.Path("manifest", "color.png"), dir.File("outline.png"), overwrite: true);

        var result = await Tool.NodeAsync(Validator, file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var problems = ProblemLines(result, file);
        Assert.Contains(problems, p => p.Contains("/icons/outline: outline.png must be 32x32 pixels (is 192x192)"));
        Assert.Contains(problems, p => p.Contains("/icons/outline: outline.png must be white on transparent"));
        Assert.All(problems, p => Assert.Contains("/icons/outline:", p));
    }

    [Fact]
    public async Task Missing_icon_file_and_non_png_icon_are_reported()
    {
        using var dir = new TempDir();
        var file = await WriteWithIconsAsync(dir, JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject());
        File.Delete(dir.File("outline.png"));
        await File.WriteAllTextAsync(dir.File("color.png"), "not a png");

        var result = await Tool.NodeAsync(Validator, file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{file}: /icons/outline: outline.png does not exist next to the manifest", result.StdErr);
        Assert.Contains($"{file}: /icons/color: color.png is not a PNG file", result.StdErr);
    }

    [Fact]
    public async Task Unknown_placeholder_is_reported()
    {
        using var dir = new TempDir();
        var text = (await File.ReadAllTextAsync(ManifestPath)).Replace("{{HOSTNAME}}/tab/config", "{{HOST}}/tab/config");
        var file = dir.File("manifest.json");
        await File.WriteAllTextAsync(file, text);
        CopyIcons(dir);

        var result = await Tool.NodeAsync(Validator, file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("unknown placeholder {{HOST}}", result.StdErr);
    }

    private static void Break(JsonObject m, string breakage)
    {
        switch (breakage)
        {
            case "missing bot id":
                m["bots"]![0]!.AsObject().Remove("botId");
                break;
            case "short name over 30 characters":
                m["name"]!["short"] = "TeamsAmdl Maßnahmen und Träger!"; // 31 characters
                break;
            case "unknown top-level property":
                m["bot"] = new JsonObject { ["botId"] = "{{BOT_APP_ID}}" };
                break;
            case "bot scope Teams does not know":
                m["bots"]![0]!["scopes"]!.AsArray().Add("meeting");
                break;
            case "version not MAJOR.MINOR.PATCH":
                m["version"] = "1.0";
                break;
            case "tab on a host outside validDomains":
                m["staticTabs"]![0]!["contentUrl"] = "https://elsewhere.example.net/tab";
                break;
            case "SSO resource on another host":
                m["webApplicationInfo"]!["resource"] = "api://elsewhere.example.net/{{BOT_APP_ID}}";
                break;
            case "$schema of another manifest version":
                m["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
                break;
            case "bot command scope Teams does not know":
                m["bots"]![0]!["commandLists"]![0]!["scopes"]!.AsArray().Add("meeting");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }

    private static async Task<string> WriteWithIconsAsync(TempDir dir, JsonObject manifest)
    {
        var file = dir.File("manifest.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        CopyIcons(dir);
        return file;
    }

    private static void CopyIcons(TempDir dir)
    {
        foreach (var icon in new[] { "color.png", "outline.png" })
            File.Copy(Repo.Path("manifest", icon), dir.File(icon), overwrite: true);
    }

    /// <summary>The validator's problem lines (without its closing "n problem(s)" line).</summary>
    private static List<string> ProblemLines(ToolResult result, string file) =>
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith(file + ": /", StringComparison.Ordinal))
            .ToList();
}
