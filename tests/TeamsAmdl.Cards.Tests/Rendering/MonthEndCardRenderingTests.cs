using TeamsAmdl.Cards;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Cards.Tests.Rendering;

/// <summary>
/// The month-end utilisation card (R-QA-5) with a full table and overdue Träger reports renders in the Teams light host; its screenshot is kept as
/// artifacts/month-end-card.png for review. The sample cards (month-end, quality-task-*) are rendered by
/// <see cref="CardRendererTests"/> as well.
/// </summary>
[Collection(CardSamplesCollection.Name)]
public sealed class MonthEndCardRenderingTests(CardRenderer renderer) : IClassFixture<CardRenderer>
{
    [Fact]
    public async Task Month_end_card_for_the_GF_with_more_rows_than_fit_renders_and_is_kept_as_screenshot()
    {
        var rows = Enumerable.Range(1, MonthEndCard.MaxRows + 2)
            .Select(i => new MonthEndRow($"962-E-2026-{i:0000}", "Aktivcenter Jugend", 12, i % 13,
                i % 5 == 0 ? 8.73m : null, i % 5 == 0 ? 24m : null, i % 7 == 0 ? 2 : 0))
            .ToList();
        // With more overdue Träger reports than the card names (R-TN-4): five lines and "und 3 weitere".
        var pending = Enumerable.Range(1, MonthEndCard.MaxPending + 3)
            .Select(i => new MonthEndPendingReport($"962-D-2026-{i:0000}", "Anwesenheitszeiten Oktober 2026", new DateOnly(2026, 11, 9)))
            .ToList();
        var card = MonthEndCard.Build(new MonthEndCardData("November 2026", new DateOnly(2026, 11, 30), null, rows, pending));
        var cardJson = card.ToJson();
        Assert.Contains("Ausstehende Träger-Meldungen: 8", cardJson);
        Assert.Contains("962-D-2026-0005 · Anwesenheitszeiten Oktober 2026 (fällig 09.11.2026)", cardJson);
        Assert.DoesNotContain("962-D-2026-0006 · ", cardJson);
        Assert.Contains("und 3 weitere", cardJson);
        var full = await renderer.RenderAsync(card.ToJson(), screenshotName: "_month-end-gf");
        Assert.True(full.Problems.Count == 0, string.Join("\n", full.Problems));
        Assert.True(full.Rendered && full.Height > 0);

        var json = await File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "cards", "samples", "month-end.json"));
        var sample = await renderer.RenderAsync(json, screenshotName: "month-end");
        Assert.True(sample.Problems.Count == 0, string.Join("\n", sample.Problems));
        Assert.True(sample.Rendered && sample.Height > 0);
        var target = Path.Combine(RepoRoot.Find(), "artifacts", "month-end-card.png");
        File.Copy(sample.ScreenshotPath!, target, overwrite: true);
        Assert.True(new FileInfo(target).Length > 1000);
    }
}
