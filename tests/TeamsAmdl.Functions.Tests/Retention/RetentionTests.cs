using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Retention;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Tests.Retention;

/// <summary>
/// Retention (R-SEC-4) against Azurite: rows older than their table's period go, younger ones and open records stay,
/// deletions of personal-adjacent records leave an audit row without personal data. The app's clock is fixed
/// (<see cref="AppFactory.Now"/>); rows carry dates written relative to it.
/// </summary>
public sealed class RetentionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Now = AppFactory.Now;
    private const string Ref = "KD-RET-4711"; // a pseudonymous reference: must not appear in the audit

    private Tables Tables => app.Services.GetRequiredService<Tables>();
    private RetentionJob Job => app.Services.GetRequiredService<RetentionJob>();

    [Fact]
    public void The_job_runs_nightly()
    {
        var job = app.Services.GetServices<ITimerJob>().Single(j => j.Name == "retention");
        Assert.Equal("0 40 2 * * *", job.Schedule);
    }

    [Fact]
    public async Task Old_rows_go_young_rows_and_open_records_stay_and_personal_deletions_are_audited()
    {
        _ = app.CreateClient();
        var t = await Seed();

        // Idempotency (7 days): BotActions by StartedAt, alert day counters by their date; the flush row stays.
        await Add(t.Actions, Row("ret-u1", "old").With("StartedAt", Now.AddDays(-8)), Row("ret-u1", "young").With("StartedAt", Now.AddDays(-6)));
        await Add(t.Alerts, Row("ifk-1", "day|2026-11-10"), Row("ifk-1", "day|2026-11-20"), Row("ifk-1", "flush").With("NotBefore", Now.AddDays(-30)));
        // Messages (28 days): sent outbox rows by CompletedAt unless the card was updated later; open rows stay.
        await Add(t.Outbox,
            Row("ret-1", "sent-old").With("Status", "Sent").With("CompletedAt", Now.AddDays(-29)),
            Row("ret-1", "sent-old-updated").With("Status", "Sent").With("CompletedAt", Now.AddDays(-40)).With("ActivityUpdatedAt", Now.AddDays(-1)),
            Row("ret-2", "sent-young").With("Status", "Sent").With("CompletedAt", Now.AddDays(-27)),
            Row("ret-2", "pending-old").With("Status", "Pending").With("EnqueuedAt", Now.AddDays(-100)),
            // Undelivered (90 days)
            Row("ret-3", "failed-89").With("Status", "Failed").With("CompletedAt", Now.AddDays(-89)),
            Row("ret-3", "parked-91").With("Status", "Parked").With("CompletedAt", Now.AddDays(-91)));
        await Add(t.DevInbox, Row("ret-u1", "a-old").With("CreatedAt", Now.AddDays(-29)), Row("ret-u1", "a-young").With("CreatedAt", Now.AddDays(-2)),
            Row("ret-u1", "a-old-updated").With("CreatedAt", Now.AddDays(-29)).With("UpdatedAt", Now.AddDays(-3)));
        await Add(t.Events, Row("ret-s1", "Ping|old").With("At", Now.AddDays(-30)), Row("ret-s1", "Ping|young").With("At", Now.AddDays(-1)));
        await Add(t.Changes, Row("962-X", "old").With("At", Now.AddDays(-30)), Row("962-X", "young").With("At", Now.AddDays(-1)));
        await Add(t.DigestRequests, Row("2026-W40", "ret-b1"), Row("2026-W46", "ret-b1"));
        // PersonalData (730 days): ended participations by exit date; open ones, reservations and the measure row stay.
        await Add(t.Measures,
            Row("962-RET", "measure").With("Until", "9999-12-31"),
            Row("962-RET", $"p|{Ref}|2023-01-02").With("CustomerRef", Ref).With("Until", "2024-11-20"),
            Row("962-RET", $"p|{Ref}-2|2024-01-02").With("CustomerRef", Ref + "-2").With("Until", "2024-11-22"),
            Row("962-RET", $"p|{Ref}-3|2023-01-02").With("CustomerRef", Ref + "-3").With("Until", "9999-12-31"),
            Row("962-RET", $"r|{Ref}-4").With("CustomerRef", Ref + "-4").With("Until", "9999-12-31"));
        await Add(t.Requests,
            Row("962-RET", "r-declined-old").With("Status", "Declined").With("Note", "Rückruf bis Freitag").With("CustomerRef", Ref).With("RequestedAt", Now.AddDays(-800)).With("DecidedAt", Now.AddDays(-799)),
            Row("962-RET", "r-declined-late").With("Status", "Declined").With("RequestedAt", Now.AddDays(-800)).With("DecidedAt", Now.AddDays(-10)),
            Row("962-RET", "r-pending-old").With("Status", "Pending").With("RequestedAt", Now.AddDays(-800)),
            Row("962-RET", "r-refused-young").With("Status", "Refused").With("RequestedAt", Now.AddDays(-700)));
        await Add(t.Inputs, Row("2024-W40", "962-RET").With("Remarks", "alt"), Row("2026-W46", "962-RET").With("Remarks", "neu"));

        var results = await Job.SweepAsync(CancellationToken.None);

        Assert.Equal(["young"], await Keys(t.Actions, "ret-u1"));
        Assert.Equal(["day|2026-11-20", "flush"], await Keys(t.Alerts, "ifk-1"));
        Assert.Equal(["failed-89", "pending-old", "sent-old-updated", "sent-young"],
            (await Rows(t.Outbox)).Where(r => r.PartitionKey.StartsWith("ret-", StringComparison.Ordinal)).Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(["a-old-updated", "a-young"], await Keys(t.DevInbox, "ret-u1"));
        Assert.Equal(["Ping|young"], await Keys(t.Events, "ret-s1"));
        Assert.Equal(["young"], await Keys(t.Changes, "962-X"));
        Assert.Equal(["2026-W46"], (await Rows(t.DigestRequests)).Where(r => r.RowKey == "ret-b1").Select(r => r.PartitionKey));
        Assert.Equal(["measure", $"p|{Ref}-2|2024-01-02", $"p|{Ref}-3|2023-01-02", $"r|{Ref}-4"], await Keys(t.Measures, "962-RET"));
        Assert.Equal(["r-declined-late", "r-pending-old", "r-refused-young"], await Keys(t.Requests, "962-RET"));
        Assert.Equal(["2026-W46"], (await Rows(t.Inputs)).Where(r => r.RowKey == "962-RET").Select(r => r.PartitionKey));

        Assert.Equal(1, results.Single(r => r.Rule == "ended-participations").Deleted);
        var audit = await Rows(await Tables.GetCreatedAsync(RetentionRules.AuditTable, CancellationToken.None));
        Assert.Equal(["ended-participations", "place-requests", "weekly-inputs"], audit.Select(a => a.GetString("Rule")).Order());
        Assert.All(audit, a =>
        {
            Assert.Equal(1, a.GetInt32("Deleted"));
            Assert.Equal("Retention:PersonalData", a.GetString("Setting"));
            Assert.Equal(Now.AddDays(-730), a.GetDateTimeOffset("Cutoff"));
            Assert.Equal("2026-11", a.PartitionKey);
            // R-SEC-1: no reference, key or text of what was deleted
            Assert.DoesNotContain(((IDictionary<string, object>)a).Values, v => v?.ToString() is { } s && (s.Contains("KD-", StringComparison.Ordinal) || s.Contains("Rückruf", StringComparison.Ordinal)));
        });

        // A second run finds nothing and writes no audit row.
        var again = await Job.SweepAsync(CancellationToken.None);
        Assert.All(again, r => Assert.Equal(0, r.Deleted));
        Assert.Equal(3, (await Rows(await Tables.GetCreatedAsync(RetentionRules.AuditTable, CancellationToken.None))).Count);
    }

    [Fact]
    public async Task Deletes_over_several_pages_and_partition_batches()
    {
        _ = app.CreateClient();
        var events = await Tables.GetCreatedAsync(BotTables.EventsTable, CancellationToken.None);
        // 1,150 old rows in 3 partitions (more than one page of 1,000, batches of at most 100 per partition) and 3 young ones.
        foreach (var (pk, count) in new[] { ("bulk-a", 600), ("bulk-b", 450), ("bulk-c", 100) })
            foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
                await events.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                    Row(pk, $"old-{i:D4}").With("At", Now.AddDays(-60)))));
        await Add(events, Row("bulk-a", "young-1").With("At", Now), Row("bulk-b", "young-2").With("At", Now), Row("bulk-c", "young-3").With("At", Now));

        var result = (await Job.SweepAsync(CancellationToken.None)).Single(r => r.Rule == "bot-events");

        Assert.True(result.Deleted >= 1150, $"deleted {result.Deleted}");
        var left = await Rows(events);
        Assert.Equal(["young-1", "young-2", "young-3"], left.Where(r => r.PartitionKey.StartsWith("bulk-", StringComparison.Ordinal)).Select(r => r.RowKey).Order());
    }

    [Fact]
    public void Every_table_of_the_app_has_a_rule_or_a_reason_to_be_kept()
    {
        var covered = RetentionRules.For(new RetentionOptions()).Select(r => r.Table).Concat(RetentionRules.Kept.Select(k => k.Table)).ToHashSet();
        var assemblies = new[] { typeof(Tables).Assembly, typeof(TeamsAmdl.Bot.Outbox).Assembly, typeof(TeamsAmdl.Filing.FilingOutbox).Assembly };
        var tableNames = assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(type => type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && (f.Name.EndsWith("Table", StringComparison.Ordinal) || f.Name.EndsWith("TableName", StringComparison.Ordinal)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Contains("BotActions", tableNames);
        Assert.Contains("FilingJobs", tableNames);
        Assert.Equal(Array.Empty<string>(), tableNames.Where(n => !covered.Contains(n)).ToArray());
    }

    [Fact]
    public async Task Every_table_the_running_app_created_is_covered()
    {
        _ = app.CreateClient();
        await Seed();
        var covered = RetentionRules.For(new RetentionOptions()).Select(r => r.Table).Concat(RetentionRules.Kept.Select(k => k.Table)).ToHashSet();
        var existing = new List<string>();
        await foreach (var table in Tables.Service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {Tables.Prefix} and TableName lt {Tables.Prefix + "~"}")))
            existing.Add(table.Name[Tables.Prefix.Length..]);
        Assert.Contains("Measures", existing);
        Assert.Equal(Array.Empty<string>(), existing.Where(n => !covered.Contains(n)).ToArray());
    }

    private sealed record Seeded(TableClient Actions, TableClient Alerts, TableClient Outbox, TableClient DevInbox, TableClient Events,
        TableClient Changes, TableClient DigestRequests, TableClient Measures, TableClient Requests, TableClient Inputs);

    private async Task<Seeded> Seed()
    {
        async Task<TableClient> T(string name) => await Tables.GetCreatedAsync(name, CancellationToken.None);
        return new Seeded(await T(BotTables.ActionsTable), await T(FreePlacesStore.AlertsTable), await T(ProactiveSetup.OutboxTable),
            await T(BotTables.DevInboxTable), await T(BotTables.EventsTable), await T(FreePlacesStore.ChangesTable),
            await T(DigestTables.RequestsTable), await T(Repositories.Tables.MeasuresTable), await T(FreePlacesStore.RequestsTable),
            await T(DigestTables.InputsTable));
    }

    private static TableEntity Row(string pk, string rk) => new(pk, rk);

    private static async Task Add(TableClient table, params TableEntity[] rows)
    {
        foreach (var row in rows) await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
    }

    private static async Task<List<TableEntity>> Rows(TableClient table, string? partition = null)
    {
        var list = new List<TableEntity>();
        await foreach (var r in table.QueryAsync<TableEntity>(partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
            list.Add(r);
        return list;
    }

    private static async Task<List<string>> Keys(TableClient table, string? partition = null) =>
        (await Rows(table, partition)).Select(r => r.RowKey).Order(StringComparer.Ordinal).ToList();
}

internal static class TableEntityTestExtensions
{
    public static TableEntity With(this TableEntity e, string key, object value)
    {
        e[key] = value;
        return e;
    }
}
