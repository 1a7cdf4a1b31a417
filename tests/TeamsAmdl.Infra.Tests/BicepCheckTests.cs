namespace TeamsAmdl.Infra.Tests;

/// <summary>The checks of <see cref="BicepFilesTests"/> really catch what they must: a planted error and a planted
/// linter warning (which leaves the CLI's exit code at 0) both make a run unclean.</summary>
public sealed class BicepCheckTests
{
    [Fact]
    public async Task A_clean_file_is_clean()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("clean.bicep"), "param name string\n\noutput greeting string = 'Hallo ${name}'\n");

        var build = await BicepCli.BuildAsync(tmp.File("clean.bicep"), tmp.File("clean.json"));
        var lint = await BicepCli.LintAsync(tmp.File("clean.bicep"));

        Assert.True(build.IsClean, build.ToString());
        Assert.True(lint.IsClean, lint.ToString());
    }

    [Fact]
    public async Task An_unescaped_apostrophe_is_an_error()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("broken.bicep"), "@description('The bot's id.')\nparam botId string\n\noutput id string = botId\n");

        var build = await BicepCli.BuildAsync(tmp.File("broken.bicep"), tmp.File("broken.json"));

        Assert.False(build.IsClean);
        Assert.Contains(build.Diagnostics, d => d is { Level: "Error", Line: 1 });
    }

    [Fact]
    public async Task An_unused_parameter_is_a_warning_that_fails_build_and_lint()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("unused.bicep"), "param unused string\n\noutput fixed string = 'x'\n");

        var build = await BicepCli.BuildAsync(tmp.File("unused.bicep"), tmp.File("unused.json"));
        var lint = await BicepCli.LintAsync(tmp.File("unused.bicep"));

        Assert.Equal(0, build.ExitCode); // a warning alone does not fail the CLI …
        Assert.False(build.IsClean); // … but it fails the check
        Assert.Contains(build.Diagnostics, d => d is { Level: "Warning", Code: "no-unused-params" });
        Assert.False(lint.IsClean);
        Assert.Contains(lint.Diagnostics, d => d is { Level: "Warning", Code: "no-unused-params" });
    }
}
