using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// Browser tests: the app on a real Kestrel port (a browser cannot reach the in-memory TestServer) and, per test,
/// headless Chromium (Debian's, via Playwright) with a de-DE/Berlin context that collects every browser problem.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _artifactsArea;
    private readonly List<string> _problems = [];

    private BrowserFixture(IPlaywright playwright, IBrowser browser, IBrowserContext context, string artifactsArea)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        _artifactsArea = artifactsArea;
    }

    public IBrowserContext Context { get; }

    /// <summary>Console errors, page errors, failed requests and HTTP errors of every page opened with <see cref="NewPageAsync"/>.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Starts <paramref name="app"/> on a free Kestrel port; returns its base URL (no trailing slash).</summary>
    public static string StartOnKestrel(AppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var baseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        if (baseUrl.EndsWith(":7071", StringComparison.Ordinal) || baseUrl.EndsWith(":0", StringComparison.Ordinal))
            throw new InvalidOperationException($"Expected a free dynamic port, got {baseUrl}.");
        return baseUrl;
    }

    /// <summary>Launches Chromium with one context; screenshots go to artifacts/<paramref name="artifactsArea"/>.</summary>
    public static async Task<BrowserFixture> LaunchAsync(string artifactsArea, int width, int height)
    {
        var playwright = await Playwright.CreateAsync();
        IBrowser? browser = null;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.ExecutablePath, Args = Chromium.Args, Headless = true,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = "de-DE", TimezoneId = "Europe/Berlin", ViewportSize = new ViewportSize { Width = width, Height = height },
            });
            return new BrowserFixture(playwright, browser, context, artifactsArea);
        }
        catch
        {
            if (browser is not null) await browser.DisposeAsync();
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new page whose problems are collected; <paramref name="allowedStatus"/> and <paramref name="alsoAllowed"/> are
    /// expected HTTP errors (not problems).
    /// </summary>
    public async Task<IPage> NewPageAsync(int? allowedStatus = null, int? alsoAllowed = null)
    {
        var page = await Context.NewPageAsync();
        int?[] expected = [allowedStatus, alsoAllowed];
        var allowed = expected.OfType<int>().Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        page.Console += (_, m) => { if (m.Type == "error" && !allowed.Any(m.Text.Contains)) _problems.Add("console: " + m.Text); };
        page.PageError += (_, e) => _problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => _problems.Add($"request failed: {r.Url} ({r.Failure})");
        page.Response += (_, r) => { if (r.Status >= 400 && !expected.Contains(r.Status)) _problems.Add($"HTTP {r.Status}: {r.Url}"); };
        return page;
    }

    /// <summary>Saves a screenshot of <paramref name="page"/> as artifacts/{area}/<paramref name="file"/>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(IPage page, string file, bool fullPage = true)
    {
        var path = Path.Combine(Chromium.ArtifactsDir(_artifactsArea), file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public void AssertNoProblems() =>
        Assert.True(_problems.Count == 0, "Browser problems:\n" + string.Join("\n", _problems));

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
