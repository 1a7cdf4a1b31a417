namespace TeamsAmdl.Infra.Tests;

/// <summary>Every Bicep file under infra/ (found anew each run, so new files are covered) compiles and lints
/// without a single error or warning.</summary>
public sealed class BicepFilesTests
{
    public static TheoryData<string> BicepFiles() => new(Repo.InfraFiles(".bicep"));

    public static TheoryData<string> ParamFiles()
    {
        // TheoryData must not be empty; "" stands for "no .bicepparam file yet".
        var files = Repo.InfraFiles(".bicepparam");
        return files.Count == 0 ? new TheoryData<string>("") : new TheoryData<string>(files);
    }

    [Fact]
    public void The_main_template_is_among_the_files()
    {
        Assert.Contains("infra/main.bicep", Repo.InfraFiles(".bicep"));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Builds_without_errors_or_warnings(string file)
    {
        using var tmp = new TempDir();
        var result = await BicepCli.BuildAsync(Repo.Path(file), tmp.File("out.json"));

        Assert.True(result.IsClean, result.ToString());
        Assert.True(File.Exists(tmp.File("out.json")), result.ToString());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lints_clean(string file)
    {
        var result = await BicepCli.LintAsync(Repo.Path(file));

        Assert.True(result.IsClean, result.ToString());
    }

    [Theory]
    [MemberData(nameof(ParamFiles))]
    public async Task Parameter_files_build_and_lint_clean(string file)
    {
        if (file == "") return;
        using var tmp = new TempDir();
        var build = await BicepCli.BuildParamsAsync(Repo.Path(file), tmp.File("out.json"));
        var lint = await BicepCli.LintAsync(Repo.Path(file));

        Assert.True(build.IsClean, build.ToString());
        Assert.True(lint.IsClean, lint.ToString());
    }
}
