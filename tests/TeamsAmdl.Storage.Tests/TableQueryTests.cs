using Azure;
using Azure.Data.Tables;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

public class TableQueryTests
{
    [Fact]
    public async Task Query_over_1200_entities_pages_with_filter_and_select()
    {
        var table = new TableClient(TestStorage.ConnectionString, Azurite.UniqueName("query"));
        await table.CreateIfNotExistsAsync();
        const int total = 1200;
        // Two partitions so the filter has something to exclude; 12 transactions of 100 entities each.
        var entities = Enumerable.Range(0, total).Select(i => new NumberEntity
        {
            PartitionKey = i % 2 == 0 ? "even" : "odd",
            RowKey = i.ToString("D5"),
            Number = i,
            Label = $"label {i}",
            Extra = "not selected",
        }).ToList();
        await Task.WhenAll(entities.GroupBy(e => e.PartitionKey)
            .SelectMany(g => g.Chunk(100))
            .Select(chunk => table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)))));

        // Everything, with the service's own page size (at most 1,000).
        var all = new List<NumberEntity>();
        await foreach (var e in table.QueryAsync<NumberEntity>())
            all.Add(e);
        Assert.Equal(total, all.Count);

        // Filtered (both partitions, Number >= 150 → 1,050 rows), projected, 500 per page.
        var filter = TableClient.CreateQueryFilter($"Number ge {150} and Label ne {"label 9999"}");
        var pages = 0;
        var results = new List<NumberEntity>();
        await foreach (var page in table.QueryAsync<NumberEntity>(filter, maxPerPage: 500, select: ["Number", "Label"]).AsPages())
        {
            pages++;
            Assert.InRange(page.Values.Count, 0, 500);
            results.AddRange(page.Values);
        }
        Assert.True(pages > 1, $"expected more than one page, got {pages}");
        Assert.Equal(total - 150, results.Count);
        Assert.Equal(Enumerable.Range(150, total - 150), results.Select(r => r.Number).Order());
        Assert.All(results, r =>
        {
            Assert.Equal($"label {r.Number}", r.Label);
            Assert.Null(r.Extra);
            Assert.NotEqual(default, r.ETag);
        });

        // One partition with a key range.
        var range = TableClient.CreateQueryFilter($"PartitionKey eq {"odd"} and RowKey ge {"00100"} and RowKey lt {"00200"}");
        var odd = new List<NumberEntity>();
        await foreach (var e in table.QueryAsync<NumberEntity>(range))
            odd.Add(e);
        Assert.Equal(Enumerable.Range(100, 100).Where(i => i % 2 == 1), odd.Select(e => e.Number));
    }

    [Fact]
    public async Task Filter_with_quotes_in_a_string_value()
    {
        var table = new TableClient(TestStorage.ConnectionString, Azurite.UniqueName("quote"));
        await table.CreateIfNotExistsAsync();
        const string tricky = "O'Brien's \"pub\" & grill' or 'a' eq 'a";
        await table.AddEntityAsync(new TableEntity("p", "1") { ["Name"] = tricky });
        await table.AddEntityAsync(new TableEntity("p", "2") { ["Name"] = "O" });
        await table.AddEntityAsync(new TableEntity("p", "3") { ["Name"] = "a" });

        var found = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {tricky}")))
            found.Add(e);

        var single = Assert.Single(found);
        Assert.Equal("1", single.RowKey);
        Assert.Equal(tricky, single.GetString("Name"));
        Assert.NotEqual(default, single.ETag);
    }

    [Fact]
    public async Task Filter_on_typed_values()
    {
        var table = new TableClient(TestStorage.ConnectionString, Azurite.UniqueName("typed"));
        await table.CreateIfNotExistsAsync();
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await table.AddEntityAsync(new TableEntity("p", "1") { ["Id"] = id, ["When"] = when, ["Big"] = 5_000_000_000L });
        await table.AddEntityAsync(new TableEntity("p", "2") { ["Id"] = Guid.NewGuid(), ["When"] = when.AddDays(-1), ["Big"] = 1L });

        async Task<string[]> RowKeys(string filter)
        {
            var keys = new List<string>();
            await foreach (var e in table.QueryAsync<TableEntity>(filter)) keys.Add(e.RowKey);
            return keys.ToArray();
        }

        Assert.Equal(["1"], await RowKeys(TableClient.CreateQueryFilter($"Id eq {id}")));
        Assert.Equal(["1"], await RowKeys(TableClient.CreateQueryFilter($"When gt {when.AddHours(-1)}")));
        Assert.Equal(["1"], await RowKeys(TableClient.CreateQueryFilter($"Big gt {4_000_000_000L}")));
    }
}
