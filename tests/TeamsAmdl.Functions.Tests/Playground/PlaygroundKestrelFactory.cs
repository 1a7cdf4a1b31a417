using Microsoft.AspNetCore.Hosting;
using TeamsAmdl.Functions.Tests.FreePlaces;

namespace TeamsAmdl.Functions.Tests.Playground;

/// <summary>
/// The app on a real Kestrel port in Development with Bot:Playground on (the dev issuer and dev inbox as usual), free-place
/// alerts at once and a fast outbox worker (<see cref="FreePlacesAppFactory"/>).
/// </summary>
public sealed class PlaygroundKestrelFactory : FreePlacesAppFactory
{
    public string BaseUrl { get; private set; } = "";

    public override Task InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:AppId", "");
        builder.UseSetting("Bot:OpenIdMetadataUrl", "");
        builder.UseSetting("Bot:Playground", "true");
    }
}
