using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.FreePlaces;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// Issue 14, item 5: FreePlaces:DeliverAtOnce delivers free-place alerts at once — in Development only. On Saturday
/// (the test clock) the exit answers "wird sofort zugestellt" instead of Monday 07:30; Production ignores the setting.
/// </summary>
public sealed class DeliverAtOnceTests
{
    public sealed class DevAtOnce : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FreePlaces:DeliverAtOnce", "true");
        }
    }

    public sealed class ProductionAtOnce : AppFactory
    {
        protected override string Environment => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("FreePlaces:DeliverAtOnce", "true");
        }
    }

    [Fact]
    public async Task In_Development_the_switch_delivers_at_once_and_the_answer_says_so()
    {
        await using var app = new DevAtOnce();
        using var http = app.ClientAs("betr-02");
        var res = await http.PostAsJsonAsync("/api/measures/962-E-2026-0102/exits", new { customerRef = "TN-0102-02", exitDate = "2026-11-20", reason = "Abbruch" });
        var body = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(res.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("wird sofort zugestellt", (string?)body["alert"]!["delivery"]);
        Assert.Equal(AppFactory.Now, DateTimeOffset.Parse((string)body["alert"]!["deliverAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var options = app.Services.GetRequiredService<IOptions<FreePlacesOptions>>().Value;
        Assert.True(options.DeliverAtOnce);
        Assert.Equal(TimeSpan.Zero, options.BundlingWindow);
    }

    [Fact]
    public void Production_ignores_the_switch()
    {
        using var app = new ProductionAtOnce();
        var options = app.Services.GetRequiredService<IOptions<FreePlacesOptions>>().Value;
        Assert.False(options.DeliverAtOnce);
        Assert.Equal(TimeSpan.FromMinutes(10), options.BundlingWindow);
        Assert.Equal("Mo–Fr, 07:30–17:00 Uhr; außerhalb davon ab dem nächsten Arbeitstag um 07:30 Uhr (Feiertage ausgenommen)",
            FreePlaceSettingsView.Hours(options.ToWorkingHours()));
    }
}
