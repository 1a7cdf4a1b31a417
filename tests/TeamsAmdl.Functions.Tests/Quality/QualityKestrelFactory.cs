using Microsoft.AspNetCore.Hosting;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>The app on Kestrel for Chromium, filing into its own dev e-Akte folder (Filing:LocalFolder).</summary>
public sealed class QualityKestrelFactory : AppFactory, IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";
    public string EAkte { get; } = Path.Combine(Path.GetTempPath(), "teamsamdl-eakte-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        BaseUrl = BrowserFixture.StartOnKestrel(this);
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try { Directory.Delete(EAkte, recursive: true); } catch (IOException) { /* left for inspection */ }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Filing:LocalFolder", EAkte);
        // The browser talks to the app's own dev issuer (the default in Development).
        builder.UseSetting("Bot:AppId", "");
        builder.UseSetting("Bot:OpenIdMetadataUrl", "");
    }
}
