namespace TeamsAmdl.Filing.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Outside_Development_a_missing_library_names_the_settings()
    {
        var problem = new FilingOptions().Problem(graphRequired: true);
        Assert.NotNull(problem);
        Assert.Contains("Filing:SiteId", problem);
        Assert.Contains("Filing:DriveId", problem);
    }

    [Fact]
    public void In_Development_no_library_means_the_local_folder()
    {
        Assert.Null(new FilingOptions().Problem(graphRequired: false));
    }

    [Theory]
    [InlineData("site", null, null, null, "Filing:DriveId")]
    [InlineData(null, "drive", null, null, "Filing:SiteId")]
    [InlineData("site", "drive", "secret", null, "Filing:TenantId")]
    [InlineData("site", "drive", "secret", "tenant", "Filing:ClientId")]
    public void Incomplete_settings_name_the_missing_one_in_any_environment(string? site, string? drive, string? secret, string? tenant, string expected)
    {
        var o = new FilingOptions { SiteId = site, DriveId = drive, ClientSecret = secret, TenantId = tenant };
        Assert.Contains(expected, o.Problem(graphRequired: false));
        Assert.Contains(expected, o.Problem(graphRequired: true));
    }

    [Fact]
    public void Complete_settings_pass()
    {
        Assert.Null(new FilingOptions { SiteId = "s", DriveId = "d" }.Problem(true));
        Assert.Null(new FilingOptions { SiteId = "s", DriveId = "d", TenantId = "t", ClientId = "c", ClientSecret = "x" }.Problem(true));
        Assert.Contains("Filing:UploadSliceBytes", new FilingOptions { SiteId = "s", DriveId = "d", UploadSliceBytes = 1_000_000 }.Problem(true));
    }
}
