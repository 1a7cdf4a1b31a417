using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Retention;

namespace TeamsAmdl.Functions.Tests.Retention;

public sealed class RetentionOptionsTests
{
    [Theory]
    // defaults are valid
    [InlineData(null, null, true, null)]
    // a short retention (the soak benchmark) is allowed down to one minute
    [InlineData("Messages", "00:01:00", true, null)]
    // below a minute: named
    [InlineData("PersonalData", "00:00:30", false, "Retention:PersonalData")]
    // a hundred years and more: named
    [InlineData("Audit", "40000.00:00:00", false, "Retention:Audit")]
    // idempotency rows must outlive a running claim (IdempotencyGuard.StaleAfter)
    [InlineData("Idempotency", "00:01:30", false, "Retention:Idempotency")]
    public void Validation_names_the_bad_setting(string? setting, string? value, bool valid, string? named)
    {
        var o = new RetentionOptions();
        if (setting is not null) typeof(RetentionOptions).GetProperty(setting)!.SetValue(o, TimeSpan.Parse(value!, System.Globalization.CultureInfo.InvariantCulture));
        var result = new RetentionOptionsValidator().Validate(null, o);
        Assert.Equal(valid, result.Succeeded);
        if (named is not null) Assert.Contains(named, result.FailureMessage);
    }

    [Fact]
    public void The_app_does_not_start_with_a_bad_retention_setting()
    {
        using var app = new AppFactory().WithWebHostBuilder(b => b.UseSetting("Retention:PersonalData", "00:00:10"));
        var e = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Retention:PersonalData", e.Message);
    }

    [Fact]
    public void Days_can_be_given_as_a_plain_number()
    {
        using var app = new AppFactory().WithWebHostBuilder(b => b.UseSetting("Retention:PersonalData", "365"));
        _ = app.CreateClient();
        Assert.Equal(TimeSpan.FromDays(365), ((IOptions<RetentionOptions>)app.Services.GetService(typeof(IOptions<RetentionOptions>))!).Value.PersonalData);
    }
}
