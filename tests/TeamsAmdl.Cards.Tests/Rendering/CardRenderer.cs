using System.Text.Json;
using Microsoft.Playwright;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Cards.Tests.Rendering;

/// <summary>One problem the harness reported (see cards/render/harness.js for the stages).</summary>
public sealed record RenderProblem(string Stage, string? Event, string Message)
{
    public override string ToString() => $"{Stage}{(Event is null ? "" : $" [{Event}]")}: {Message}";
}

public sealed record RenderResult(IReadOnlyList<RenderProblem> Problems, bool Rendered, double Height, string? ScreenshotPath);

/// <summary>
/// One headless Chromium per test class (xunit class fixture) with cards/render/harness.html loaded from the
/// repository: requests to http://cards.test/ are answered from disk by Playwright route interception (an
/// in-process static file server: no port, no network). Each card gets a fresh page.
/// </summary>
public sealed class CardRenderer : IAsyncLifetime
{
    public const string Origin = "http://cards.test";
    private const string HarnessUrl = Origin + "/cards/render/harness.html";

    /// <summary>The only folders the harness may load from.</summary>
    private static readonly string[] ServedPrefixes =
    [
        "cards/render/", "cards/samples/", "node_modules/adaptivecards/dist/", "node_modules/adaptivecards-designer/lib/hostConfigs/",
        "node_modules/adaptivecards-designer/dist/containers/",
    ];

    private readonly string _root = RepoRoot.Find();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    public string ArtifactsDir { get; } = Chromium.ArtifactsDir("cards");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Args,
            Headless = true,
        });
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = 800, Height = 600 },
        });
        await _context.RouteAsync("**/*", ServeAsync);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>Loads the harness, renders <paramref name="cardJson"/> (exactly this text), returns the problems; optionally saves a PNG.</summary>
    /// <param name="profile">null: Teams; "outlook": Outlook Actionable Messages (see cards/render/harness.js).</param>
    public Task<RenderResult> RenderAsync(string cardJson, string? screenshotName = null, string? profile = null) =>
        RenderCoreAsync(cardJson, screenshotName, null, profile);

    /// <summary>
    /// Renders in a chat as narrow as a phone: the page and the card <paramref name="width"/> CSS pixels wide (Teams mobile
    /// keeps about 12 px on each side). Overflowing: every element whose content is wider than its box (cut or scrolled
    /// text), as "tag.class: text".
    /// </summary>
    public async Task<(RenderResult Result, IReadOnlyList<string> Overflowing)> RenderAtWidthAsync(string cardJson, int width, string? screenshotName = null)
    {
        IReadOnlyList<string> overflowing = [];
        var result = await RenderCoreAsync(cardJson, screenshotName, width, null, async page =>
            overflowing = await page.EvaluateAsync<string[]>("""
                () => Array.from(document.querySelectorAll('#card *'))
                    .filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
                    .map(e => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 60))
                    .concat(document.documentElement.scrollWidth > window.innerWidth ? ['page: ' + document.documentElement.scrollWidth + ' px wide'] : [])
                """));
        return (result, overflowing);
    }

    private async Task<RenderResult> RenderCoreAsync(string cardJson, string? screenshotName, int? width, string? profile,
        Func<IPage, Task>? inspect = null)
    {
        var page = await (_context ?? throw new InvalidOperationException("Not initialized.")).NewPageAsync();
        if (width is { } w)
        {
            await page.SetViewportSizeAsync(w, 800);
            await page.AddInitScriptAsync($$"""
                document.addEventListener('DOMContentLoaded', () => {
                    const s = document.createElement('style');
                    s.textContent = '.harness-frame { padding: 0; display: block; } .harness-frame .teams-inner-frame { width: {{w}}px; min-width: 0; padding: 12px; box-sizing: border-box; }';
                    document.head.appendChild(s);
                });
                """);
        }
        var pageProblems = new List<RenderProblem>();
        page.PageError += (_, error) => pageProblems.Add(new RenderProblem("page", null, error));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
                pageProblems.Add(new RenderProblem("page", null, $"HTTP {response.Status} for {response.Url}"));
        };
        try
        {
            await page.GotoAsync(HarnessUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var raw = await page.EvaluateAsync<JsonElement>("a => CardHarness.renderForTest(a[0], 'card', a[1])", new object?[] { cardJson, profile });

            var problems = raw.GetProperty("problems").EnumerateArray()
                .Select(p => new RenderProblem(
                    p.GetProperty("stage").GetString()!,
                    p.GetProperty("event").ValueKind == JsonValueKind.String ? p.GetProperty("event").GetString() : null,
                    p.GetProperty("message").GetString() ?? ""))
                .Concat(pageProblems)
                .ToList();
            if (inspect is not null) await inspect(page);
            string? screenshot = null;
            if (screenshotName is not null)
            {
                screenshot = Path.Combine(ArtifactsDir, screenshotName + ".png");
                await page.Locator("#frame").ScreenshotAsync(new LocatorScreenshotOptions { Path = screenshot });
            }
            return new RenderResult(problems, raw.GetProperty("rendered").GetBoolean(), raw.GetProperty("height").GetDouble(), screenshot);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task ServeAsync(IRoute route)
    {
        var uri = new Uri(route.Request.Url);
        if (!string.Equals(uri.GetLeftPart(UriPartial.Authority), Origin, StringComparison.OrdinalIgnoreCase))
        {
            await route.AbortAsync(); // nothing leaves the machine
            return;
        }
        var relative = Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        var allowed = ServedPrefixes.Any(p => relative.StartsWith(p, StringComparison.Ordinal)) &&
                      full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full);
        if (!allowed)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "not found", ContentType = "text/plain" });
            return;
        }
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            BodyBytes = await File.ReadAllBytesAsync(full),
            ContentType = Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".json" => "application/json; charset=utf-8",
                ".png" => "image/png",
                _ => "application/octet-stream",
            },
        });
    }
}
