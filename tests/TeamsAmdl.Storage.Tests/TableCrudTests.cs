using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Storage;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Storage.Tests;

public class TableCrudTests
{
    private static async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(TestStorage.ConnectionString, Azurite.UniqueName("crud"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Add_get_and_duplicate_add()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p1", "r1") { ["Name"] = "Anna", ["Age"] = 42 };

        var added = await table.AddEntityAsync(entity);
        Assert.Equal(204, added.Status);

        var read = (await table.GetEntityAsync<TableEntity>("p1", "r1")).Value;
        Assert.Equal("p1", read.PartitionKey);
        Assert.Equal("r1", read.RowKey);
        Assert.Equal("Anna", read.GetString("Name"));
        Assert.Equal(42, read.GetInt32("Age"));
        Assert.NotEqual(default, read.ETag);
        Assert.Equal(added.Headers.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.InRange(read.Timestamp!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Null(read.GetString("Missing"));

        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p1", "r1")));
        Assert.Equal(409, duplicate.Status);
        Assert.Equal("EntityAlreadyExists", duplicate.ErrorCode);
    }

    [Fact]
    public async Task Get_missing_is_404_and_if_exists_has_no_value()
    {
        var table = await NewTableAsync();
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "nope"));
        Assert.Equal(404, missing.Status);
        Assert.Equal("ResourceNotFound", missing.ErrorCode);

        var ifExists = await table.GetEntityIfExistsAsync<TableEntity>("p", "nope");
        Assert.False(ifExists.HasValue);

        await table.AddEntityAsync(new TableEntity("p", "yes") { ["A"] = "a" });
        var found = await table.GetEntityIfExistsAsync<TableEntity>("p", "yes");
        Assert.True(found.HasValue);
        Assert.Equal("a", found.Value!.GetString("A"));
    }

    [Fact]
    public async Task Keys_with_quotes_and_special_characters_round_trip()
    {
        var table = await NewTableAsync();
        const string pk = "O'Neil & Söhne";
        const string rk = "it's 100% (really) = fine+ok";
        await table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 });

        var read = (await table.GetEntityAsync<TableEntity>(pk, rk)).Value;
        Assert.Equal(pk, read.PartitionKey);
        Assert.Equal(rk, read.RowKey);

        await table.UpdateEntityAsync(new TableEntity(pk, rk) { ["V"] = 2 }, read.ETag);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>(pk, rk)).Value.GetInt32("V"));
        await table.DeleteEntityAsync(pk, rk, ETag.All);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(pk, rk)).HasValue);
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a1", ["B"] = "b1" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2", ["C"] = "c2" }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(("a1", "b2", "c2"), (merged.GetString("A"), merged.GetString("B"), merged.GetString("C")));

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["D"] = "d3" }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Null(replaced.GetString("A"));
        Assert.Null(replaced.GetString("B"));
        Assert.Null(replaced.GetString("C"));
        Assert.Equal("d3", replaced.GetString("D"));
    }

    [Fact]
    public async Task Update_requires_an_existing_entity_and_honours_mode()
    {
        var table = await NewTableAsync();
        var missing = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "x" }, ETag.All));
        Assert.Equal(404, missing.Status);

        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });
        var etag = (await table.GetEntityAsync<TableEntity>("p", "r")).Value.ETag;

        var merged = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, etag, TableUpdateMode.Merge);
        var afterMerge = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(("a2", "b"), (afterMerge.GetString("A"), afterMerge.GetString("B")));
        Assert.Equal(merged.Headers.ETag, afterMerge.ETag);

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = "a3" }, afterMerge.ETag, TableUpdateMode.Replace);
        var afterReplace = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal("a3", afterReplace.GetString("A"));
        Assert.Null(afterReplace.GetString("B"));
    }

    [Fact]
    public async Task Stale_etag_raises_conflict_and_leaves_the_entity_unchanged()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Counter"] = 1 });
        var first = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Counter"] = 2 }, first.ETag);

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["Counter"] = 99 }, first.ETag, TableUpdateMode.Replace));
        Assert.Equal(412, conflict.Status);
        Assert.Equal("UpdateConditionNotSatisfied", conflict.ErrorCode);

        var deleteConflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first.ETag));
        Assert.Equal(412, deleteConflict.Status);

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(2, stored.GetInt32("Counter"));
    }

    [Fact]
    public async Task Delete_entity_and_missing_entity_is_not_an_error()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        Assert.Equal(204, (await table.DeleteEntityAsync("p", "r")).Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.Equal(404, (await table.DeleteEntityAsync("p", "r")).Status);
    }

    [Fact]
    public async Task Get_with_select_returns_only_the_selected_properties()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r", select: ["A"])).Value;
        Assert.Equal("a", read.GetString("A"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task Service_client_creates_and_deletes_tables()
    {
        var service = new TableServiceClient(TestStorage.ConnectionString);
        var name = Azurite.UniqueName("svc");
        var created = await service.CreateTableIfNotExistsAsync(name);
        Assert.Equal(name, created.Value.Name);
        var again = await service.CreateTableIfNotExistsAsync(name);
        Assert.Equal(409, again.GetRawResponse().Status);

        var table = service.GetTableClient(name);
        await table.AddEntityAsync(new TableEntity("p", "r"));
        Assert.Equal(204, (await service.DeleteTableAsync(name)).Status);

        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r2")));
        Assert.Equal(404, gone.Status);
        Assert.Equal(404, (await table.DeleteAsync()).Status);
    }

    [Fact]
    public async Task Typed_entity_round_trips_every_supported_type()
    {
        var table = await NewTableAsync();
        var bytes = new byte[300];
        Random.Shared.NextBytes(bytes);
        var original = new AllTypesEntity
        {
            PartitionKey = "types",
            RowKey = "1",
            Text = "Grüße \"quoted\" 'single' \n newline",
            Int32 = int.MinValue,
            Int64 = long.MaxValue - 1, // not representable as a double: proves the Edm.Int64 string form
            Double = 0.1 + 0.2,
            WholeDouble = 2.0, // would come back as Int32 without the Edm.Double annotation
            Bool = true,
            DateTimeOffset = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(2)).AddTicks(1234567),
            DateTime = new DateTime(1999, 12, 31, 12, 0, 0, DateTimeKind.Utc).AddTicks(7),
            Guid = Guid.NewGuid(),
            Bytes = bytes,
            Color = Color.Blue,
            NullableInt32 = 7,
            NullableInt64 = -(1L << 40),
            NullableDouble = -1.5e-300,
            NullableBool = false,
            NullableDateTimeOffset = DateTimeOffset.UnixEpoch,
            NullableDateTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            NullableGuid = Guid.Empty,
            NullableColor = Color.Green,
            NullString = null,
            NullInt32 = null,
            Ignored = "changed",
        };
        await table.AddEntityAsync(original);

        var read = (await table.GetEntityAsync<AllTypesEntity>("types", "1")).Value;
        Assert.Equal(original.Text, read.Text);
        Assert.Equal(original.Int32, read.Int32);
        Assert.Equal(original.Int64, read.Int64);
        Assert.Equal(original.Double, read.Double);
        Assert.Equal(original.WholeDouble, read.WholeDouble);
        Assert.Equal(original.Bool, read.Bool);
        Assert.Equal(original.DateTimeOffset, read.DateTimeOffset);
        Assert.Equal(TimeSpan.Zero, read.DateTimeOffset.Offset);
        Assert.Equal(original.DateTime, read.DateTime);
        Assert.Equal(DateTimeKind.Utc, read.DateTime.Kind);
        Assert.Equal(original.Guid, read.Guid);
        Assert.Equal(original.Bytes, read.Bytes);
        Assert.Equal(original.Color, read.Color);
        Assert.Equal(original.NullableInt32, read.NullableInt32);
        Assert.Equal(original.NullableInt64, read.NullableInt64);
        Assert.Equal(original.NullableDouble, read.NullableDouble);
        Assert.Equal(original.NullableBool, read.NullableBool);
        Assert.Equal(original.NullableDateTimeOffset, read.NullableDateTimeOffset);
        Assert.Equal(original.NullableDateTime, read.NullableDateTime);
        Assert.Equal(original.NullableGuid, read.NullableGuid);
        Assert.Equal(original.NullableColor, read.NullableColor);
        Assert.Null(read.NullString);
        Assert.Null(read.NullInt32);
        Assert.Equal("not stored", read.Ignored);
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);

        // The same entity read schemalessly: the Edm annotations give each value its .NET type.
        var dynamic = (await table.GetEntityAsync<TableEntity>("types", "1")).Value;
        Assert.IsType<long>(dynamic["Int64"]);
        Assert.IsType<DateTimeOffset>(dynamic["DateTimeOffset"]);
        Assert.IsType<Guid>(dynamic["Guid"]);
        Assert.IsType<byte[]>(dynamic["Bytes"]);
        Assert.IsType<double>(dynamic["Double"]);
        Assert.IsType<double>(dynamic["WholeDouble"]); // stored as Edm.Double, not inferred as Int32
        Assert.Equal("Blue", dynamic.GetString("Color"));
        Assert.Equal(original.Int64, dynamic.GetInt64("Int64"));
        Assert.Equal(2.0, dynamic.GetDouble("WholeDouble"));
        Assert.Equal(original.DateTimeOffset, dynamic.GetDateTimeOffset("DateTimeOffset"));
        Assert.Equal(original.Guid, dynamic.GetGuid("Guid"));
        Assert.Equal(original.Bytes, dynamic.GetBinary("Bytes"));
        Assert.Equal(true, dynamic.GetBoolean("Bool"));
        Assert.False(dynamic.ContainsKey("Ignored"));
        // Unlike [IgnoreDataMember], a get-only property is stored too (the SDK writes every public getter).
        Assert.Equal("stored too", dynamic.GetString("ReadOnly"));
        // Azure drops null properties; Azurite keeps them as null. Either way they read as null.
        Assert.Null(dynamic.GetString("NullString"));
    }

    [Fact]
    public async Task Schemaless_entity_round_trips_typed_values()
    {
        var table = await NewTableAsync();
        var when = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "r")
        {
            ["L"] = 5L, ["D"] = 3.0, ["T"] = when, ["G"] = id, ["B"] = new byte[] { 1, 2, 3 }, ["S"] = "s", ["Flag"] = false,
        });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(5L, read.GetInt64("L"));
        Assert.Equal(3.0, read.GetDouble("D"));
        Assert.Equal(when, read.GetDateTimeOffset("T"));
        Assert.Equal(id, read.GetGuid("G"));
        Assert.Equal(new byte[] { 1, 2, 3 }, read.GetBinary("B"));
        Assert.Equal(false, read.GetBoolean("Flag"));
        Assert.Throws<InvalidOperationException>(() => read.GetGuid("S"));
    }
}
