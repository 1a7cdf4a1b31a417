using Microsoft.Playwright;
using TeamsAmdl.Functions.Tests.Bot;
using static Microsoft.Playwright.Assertions;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// Issue 14, the look: every text of the tab and of the rendered preview card is measured from its computed colours
/// against its effective background (the background layers below it composited) in the light, dark and high-contrast
/// theme: all ≥ 4.5:1 (WCAG 1.4.3; disabled controls are exempt there). The preview follows the theme; the layout
/// holds at 420 px (no sideways scrolling of the page). Screenshots in artifacts/tab-look/.
/// </summary>
public sealed class TabLookTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    /// <summary>Every visible element with text of its own: its contrast, as "ratio | element | text | fg on bg".</summary>
    private const string ContrastWalker = """
        () => {
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const over = (t, b) => { const a = t.a + b.a * (1 - t.a); if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
            const mix = k => (t[k] * t.a + b[k] * b.a * (1 - t.a)) / a; return { r: mix('r'), g: mix('g'), b: mix('b'), a }; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = el => { const layers = [];
            for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
            let bg = { r: 255, g: 255, b: 255, a: 1 }; for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg); return bg; };
          const css = c => `rgb(${Math.round(c.r)},${Math.round(c.g)},${Math.round(c.b)})`;
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            if (['SCRIPT', 'STYLE', 'OPTION', 'TITLE', 'NOSCRIPT'].includes(el.tagName)) continue;
            const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join(' ').trim();
            if (!own) continue;
            const rect = el.getBoundingClientRect();
            if (rect.width <= 1 || rect.height <= 1 || el.getClientRects().length === 0) continue;
            const style = getComputedStyle(el);
            if (style.visibility !== 'visible' || el.closest(':disabled, [aria-disabled="true"], [hidden], dialog:not([open])')) continue;
            const bg = background(el);
            const fg = over(parse(style.color), bg);
            const l1 = lum(fg), l2 = lum(bg);
            const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            out.push(`${ratio.toFixed(2)} | ${el.tagName.toLowerCase()}.${el.className} | ${own.slice(0, 50)} | ${css(fg)} on ${css(bg)}`);
          }
          return out;
        }
        """;

    private const string Overflow = """
        () => document.documentElement.scrollWidth > window.innerWidth
          ? [`page ${document.documentElement.scrollWidth} px wide`].concat(Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
              .slice(0, 20).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)))
          : []
        """;

    /// <summary>The coordinator's tab panels; the sections below them (participants, quality calendar, Fristen, …) are measured with each.</summary>
    private static readonly string[] Panels = ["Wochenmeldungen", "Vorschau & Veröffentlichen", "Verlauf", "Maßnahmen verwalten", "Bewertungen"];

    [Fact]
    public async Task Every_text_of_the_tab_and_the_preview_card_has_at_least_4_5_to_1_in_light_dark_and_high_contrast_and_the_layout_holds_at_420_px()
    {
        // One publication, so that the history has rows and the preview says when the week went out.
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Dev-User", "koord-weber");
        await app.PublishAndWaitAsync(client, "2026-W47", new { publishId = Guid.NewGuid().ToString(), teamleitung = true, confirmMissing = true, correction = true });

        await using var browser = await BrowserFixture.LaunchAsync("tab-look", 1366, 900);
        var page = await browser.NewPageAsync();
        var failures = new List<string>();
        var measured = 0;
        foreach (var theme in new[] { "light", "dark", "contrast" })
        {
            await page.SetViewportSizeAsync(1366, 900);
            await page.GotoAsync($"{app.BaseUrl}/tab?user=koord-weber&theme={theme}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maßnahmeinfo KW 47/2026 (aktuelle Woche)" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.Equal(theme == "light" ? "default" : theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
            // The Qualitätskalender's Auslastung view (with its flagged UB row) is loaded before the walk measures it.
            await Expect(page.Locator("#qu-table tbody tr.qu-flagged").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            foreach (var panel in Panels)
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = panel, Exact = true }).ClickAsync();
                if (panel == "Vorschau & Veröffentlichen")
                    await Expect(page.Locator("#preview .card-frame").First).ToContainTextAsync("Vorschau – veröffentlicht am 21.11.2026, 11:00 Uhr", new() { Timeout = 15_000 });
                if (panel == "Verlauf")
                    await Expect(page.Locator("#history tbody tr").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
                var texts = await page.EvaluateAsync<string[]>(ContrastWalker);
                measured += texts.Length;
                failures.AddRange(texts.Where(t => double.Parse(t[..t.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture) < 4.5)
                    .Select(t => $"{theme} / {panel}: {t}"));
                await browser.ScreenshotAsync(page, $"{theme}-{panel.Replace(" & ", "-").Replace(' ', '-').ToLowerInvariant()}.png");
            }
            // The preview card follows the theme: its surface is the theme's.
            var cardBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#preview .card-frame')).backgroundColor");
            Assert.Equal(theme switch { "dark" => "rgb(45, 44, 44)", "contrast" => "rgb(0, 0, 0)", _ => "rgb(255, 255, 255)" }, cardBackground);

            // 420 px: the page does not scroll sideways (wide tables scroll inside their frame).
            await page.SetViewportSizeAsync(420, 900);
            foreach (var panel in Panels)
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = panel, Exact = true }).ClickAsync();
                await page.WaitForTimeoutAsync(300);
                failures.AddRange((await page.EvaluateAsync<string[]>(Overflow)).Select(o => $"{theme} / {panel} at 420 px: {o}"));
            }
            await browser.ScreenshotAsync(page, $"{theme}-420.png");

            // An IFK's tab: their participants, alert settings and Fristen.
            await page.SetViewportSizeAsync(1366, 900);
            await page.GotoAsync($"{app.BaseUrl}/tab?user=ifk-anna-zimmermann&theme={theme}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meine Benachrichtigungen über freie Plätze", Exact = true }))
                .ToBeVisibleAsync(new() { Timeout = 15_000 });
            var ifkTexts = await page.EvaluateAsync<string[]>(ContrastWalker);
            measured += ifkTexts.Length;
            failures.AddRange(ifkTexts.Where(t => double.Parse(t[..t.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture) < 4.5)
                .Select(t => $"{theme} / IFK: {t}"));
            await browser.ScreenshotAsync(page, $"{theme}-ifk.png");
        }

        Assert.True(measured > 300, $"only {measured} texts measured");
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s):\n" + string.Join("\n", failures.Distinct().Take(60)));
        browser.AssertNoProblems();
    }
}
