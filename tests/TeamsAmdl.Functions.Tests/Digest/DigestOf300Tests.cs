using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// End to end with 300 more measures than the demo: published into a channel through the app, every message the
/// connector received stays under 28 KB and together they list every measure.
/// </summary>
public sealed class DigestOf300Tests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Published_digest_of_326_measures_every_message_under_28_KB_all_measures_appear()
    {
        _ = app.CreateClient();
        var repo = app.Service<MeasureRepository>();
        var today = new DateOnly(2026, 11, 21);
        var kinds = new[] { MeasureKind.Einkaufsmassnahme, MeasureKind.Agh, MeasureKind.LapProjekt, MeasureKind.Gutschein };
        var teams = new[] { "team-u25", "team-ue25-nord", "team-reha", "team-sued" };
        await Parallel.ForEachAsync(Enumerable.Range(1, 300), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var kind = kinds[i % kinds.Length];
            await repo.UpsertAsync(Measure.Create($"962-Z-2026-{i:D4}", $"Qualifizierung Lager, Logistik und Handel – Gruppe {i}", kind, "§ 45 SGB III",
                "tr-rheinaue", "Musterstadt-Süd", today.AddMonths(-2), today.AddMonths(10), Capacity.Create(kind, 12 + i % 9), null,
                $"betr-{i % 8 + 1:00}", "koord-weber", teams[i % teams.Length], "Arbeitsuchende"), ct);
        });
        await app.InstallInChannelAsync();

        var result = await app.PublishAndWaitAsync(app.ClientAs("koord-weber"), "2026-W47",
            new { publishId = Guid.NewGuid().ToString(), channels = new[] { DigestTestSupport.ChannelId }, confirmMissing = true });
        Assert.False((bool)result["condensed"]!);

        var messages = await app.InboxAsync("conversation:" + DigestTestSupport.ChannelId);
        Assert.Equal((int)result["parts"]!, messages.Count);
        Assert.True(messages.Count > 1);
        var numbers = new List<string>();
        foreach (var activity in messages)
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(activity.ToJsonString());
            Assert.True(bytes < 28_000, $"message of {bytes} bytes");
            numbers.AddRange(Regex.Matches(activity.Text(), @"962-[A-Z]-2026-\d{4}").Select(m => m.Value));
        }
        Assert.Equal(326, numbers.Distinct().Count());
        Assert.Equal(326, numbers.Count); // none twice
        for (var i = 1; i <= 300; i++) Assert.Contains($"962-Z-2026-{i:D4}", numbers);
    }
}
