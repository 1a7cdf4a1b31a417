using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Functions.Digest;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>
/// GET api/digest/history pages newest first on the server (issue 12, item 9): list copies under inverted-tick keys,
/// written and updated with each publication; rows written before the copies existed are indexed at start-up and
/// nothing is lost; bad ?max=/?continuation= are a German 400.
/// </summary>
public sealed class DigestHistoryPagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static DigestEntity Row(int week) => new()
    {
        RowKey = $"test-{week:D2}-{Guid.NewGuid():N}"[..20], Week = $"2025-W{week:D2}", Status = DigestEntity.Published,
        PublishedById = "koord-weber", PublishedByName = "Koordination", PublishedAt = Start.AddDays(7 * (week - 1)), Measures = week,
    };

    private async Task<(List<JsonObject> Items, string? Next)> PageAsync(string query)
    {
        using var client = app.ClientAs("ifk-anna-zimmermann");
        var res = await client.GetAsync("/api/digest/history" + query);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = (await res.Content.ReadFromJsonAsync<JsonArray>())!;
        return (body.Select(n => n!.AsObject()).ToList(), res.Headers.TryGetValues("X-Continuation-Token", out var v) ? v.Single() : null);
    }

    private async Task<List<JsonObject>> AllPagesAsync(int max)
    {
        var all = new List<JsonObject>();
        string? next = null;
        var pages = 0;
        do
        {
            var (items, token) = await PageAsync($"?max={max}" + (next is null ? "" : "&continuation=" + Uri.EscapeDataString(next)));
            Assert.True(items.Count <= max);
            all.AddRange(items);
            next = token;
            pages++;
        } while (next is not null && pages < 50);
        Assert.Null(next);
        return all;
    }

    [Fact]
    public async Task New_and_migrated_publications_page_newest_first_and_updates_reach_the_list()
    {
        var history = app.Service<DigestHistory>();
        // Written by the previous version: the row under its publish id only, no list copy.
        var legacy = new[] { Row(1), Row(3), Row(5) };
        var table = await app.Service<DigestTables>().GetAsync(DigestTables.DigestsTable, CancellationToken.None);
        foreach (var row in legacy) await table.AddEntityAsync(row);
        // Written now: row and list copy together.
        var current = new[] { Row(2), Row(4), Row(6), Row(7) };
        foreach (var row in current) Assert.True(await history.TryAddAsync(row, CancellationToken.None));
        var repeated = Row(2);
        repeated.RowKey = current[0].RowKey;
        Assert.False(await history.TryAddAsync(repeated, CancellationToken.None)); // a repeated publish id

        // The start-up step indexes the old rows, once.
        Assert.Equal(3, await history.IndexExistingAsync(CancellationToken.None));
        Assert.Equal(0, await history.IndexExistingAsync(CancellationToken.None));

        var all = await AllPagesAsync(max: 3);
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(w => $"2025-W{w:D2}"), all.Select(i => (string)i["week"]!));
        Assert.Equal(legacy.Concat(current).Select(r => r.RowKey).Order(StringComparer.Ordinal), all.Select(i => (string)i["id"]!).Order(StringComparer.Ordinal));
        var (first, token) = await PageAsync("?max=3");
        Assert.Equal(3, first.Count);
        Assert.NotNull(token);
        Assert.Equal("2025-W07", (await history.ListAsync(1, CancellationToken.None)).Single().Week);
        Assert.Equal(legacy[0].RowKey, (await history.ListAsync(100, CancellationToken.None))[^1].RowKey); // the id, not the list key

        // An update (publishing finished) changes row and copy together; an old row without a copy gets one.
        var publishing = (await history.GetAsync(current[3].RowKey, CancellationToken.None))!;
        publishing.Status = DigestEntity.Publishing;
        publishing.FilingDocuments = 3;
        await history.UpdateAsync(publishing, CancellationToken.None);
        var item = (await PageAsync("?max=1")).Items.Single();
        Assert.Equal((current[3].RowKey, "Publishing", 3), ((string)item["id"]!, (string)item["status"]!, (int)item["filingDocuments"]!));
        Assert.Null(await history.GetAsync(DigestHistory.IndexKey(current[3]), CancellationToken.None)); // copies are not publications
    }

    [Theory]
    [InlineData("?max=0", "invalid_max")]
    [InlineData("?max=1001", "invalid_max")]
    [InlineData("?max=zwei", "invalid_max")]
    [InlineData("?continuation=%%%", "invalid_continuation")]
    [InlineData("?continuation=AAAA", "invalid_continuation")]
    public async Task Bad_paging_values_are_a_German_400(string query, string code)
    {
        using var client = app.ClientAs("ifk-anna-zimmermann");
        var res = await client.GetAsync("/api/digest/history" + query);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Matches("„(max|continuation)“", (string)problem["title"]!);
    }
}
