using Azure;
using Azure.Data.Tables;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

public class TableTransactionTests
{
    private static async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(TestStorage.ConnectionString, Azurite.UniqueName("batch"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var list = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>()) list.Add(e);
        return list.OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task All_action_types_apply_together()
    {
        var table = await NewTableAsync();
        foreach (var rk in new[] { "merge", "replace", "delete", "upsertmerge", "upsertreplace" })
            await table.AddEntityAsync(new TableEntity("p", rk) { ["Old"] = "old", ["V"] = 0 });
        var replaceEtag = (await table.GetEntityAsync<TableEntity>("p", "replace")).Value.ETag;

        var result = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 1 }),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["V"] = 2 }),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["V"] = 3 }, replaceEtag),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsertmerge") { ["V"] = 5 }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsertreplace") { ["V"] = 6 }),
        ]);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(6, result.Value.Count);
        Assert.All(result.Value, r => Assert.InRange(r.Status, 200, 299));
        Assert.NotNull(result.Value[0].Headers.ETag);

        var stored = (await AllAsync(table)).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "upsertmerge", "upsertreplace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, stored["add"].GetInt32("V"));
        Assert.Equal((2, "old"), (stored["merge"].GetInt32("V")!.Value, stored["merge"].GetString("Old")));
        Assert.Equal((3, (string?)null), (stored["replace"].GetInt32("V")!.Value, stored["replace"].GetString("Old")));
        Assert.Equal((5, "old"), (stored["upsertmerge"].GetInt32("V")!.Value, stored["upsertmerge"].GetString("Old")));
        Assert.Equal((6, (string?)null), (stored["upsertreplace"].GetInt32("V")!.Value, stored["upsertreplace"].GetString("Old")));
    }

    [Fact]
    public async Task Failing_action_rolls_back_the_whole_transaction_and_names_its_index()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "c") { ["V"] = "original" });

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a") { ["V"] = "new" }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b") { ["V"] = "new" }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "c") { ["V"] = "duplicate" }),
        ]));

        Assert.Equal(2, failure.FailedTransactionActionIndex);
        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        var stored = Assert.Single(await AllAsync(table));
        Assert.Equal(("c", "original"), (stored.RowKey, stored.GetString("V")));
    }

    [Fact]
    public async Task Stale_etag_inside_a_transaction_is_a_412_failure()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "x") { ["V"] = 1 });
        var stale = (await table.GetEntityAsync<TableEntity>("p", "x")).Value.ETag;
        await table.UpdateEntityAsync(new TableEntity("p", "x") { ["V"] = 2 }, ETag.All);

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "y")),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("p", "x") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(412, failure.Status);
        Assert.Equal("UpdateConditionNotSatisfied", failure.ErrorCode);
        Assert.Equal(1, failure.FailedTransactionActionIndex);
        var stored = Assert.Single(await AllAsync(table));
        Assert.Equal(2, stored.GetInt32("V"));
    }

    [Fact]
    public async Task Oversized_transaction_is_rejected_as_a_whole()
    {
        // The SDK does not check the 100-action limit before sending; the service refuses the batch and writes nothing.
        var table = await NewTableAsync();

        var tooMany = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString())));
        await Assert.ThrowsAnyAsync<Exception>(() => table.SubmitTransactionAsync(tooMany));

        // (More than one PartitionKey is refused by Azure too, but not by Azurite: the app's transactions stay on one partition.)
        Assert.Empty(await AllAsync(table));
    }
}
