namespace TeamsAmdl.Cards.Tests.Rendering;

/// <summary>
/// Issue 14: a person's Maßnahmeinfo must be readable on a phone. Rendered at 360 px with the official renderer and
/// the Teams host config: no renderer problem, nothing wider than its box (no cut or sideways-scrolling text).
/// </summary>
public sealed class PersonalDigestRenderingTests(CardRenderer renderer) : IClassFixture<CardRenderer>
{
    private static DigestCardRow Row(int i, int free, string? remarks = null) => new(
        $"962-E-2026-{i:D4}", i % 2 == 0 ? "Aktivierung und berufliche Eingliederung – Perspektive 50plus" : "Bewerbungswerkstatt Digital",
        "Inklusionsdienst Lindenhof gGmbH", "Musterstadt-Süd", 12 - free, 12, free, new DateOnly(2026, 11, 23).AddDays(i), i % 3 == 0, remarks, i % 4 == 0);

    [Fact]
    public async Task Personal_digest_is_readable_at_360_px()
    {
        var card = PersonalDigestCard.Build(new PersonalDigestCardData("KW 47/2026", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), "Julia Weber",
            new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), 1, 2,
            [
                CardTexts.Digest.PersonalSummaryMine("Team U25", 75, 40, 121),
                CardTexts.Digest.PersonalSummaryAll(300, 160, 610),
            ],
            [
                new PersonalDigestSection(CardTexts.Digest.PersonalMineHeading("Team U25"), false,
                    [Row(1, 3), Row(2, 1, "Trägerwechsel zum 01.12.; Einstieg „nach Absprache“ möglich – bitte Rückmeldung an die Betreuung."), Row(3, 12), Row(4, 2)],
                    CardTexts.Digest.PersonalFullLine(Enumerable.Range(10, 25).Select(i => $"962-E-2026-{i:D4}").ToList(), 40)),
                new PersonalDigestSection(CardTexts.Digest.PersonalOtherHeading, false, [Row(5, 4), Row(6, 6)]),
            ],
            CardTexts.Digest.PersonalFooter(0, 120, 140), "https://teams.microsoft.com/l/entity/app/massnahmeinfo",
            new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)));

        var (result, overflowing) = await renderer.RenderAtWidthAsync(card.ToJson(), 360, screenshotName: "digest-360");

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.True(result.Rendered);
        Assert.True(overflowing.Count == 0, "wider than 360 px: " + string.Join("\n", overflowing));
    }
}
