using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Retention;

/// <summary>What one rule deleted in one run.</summary>
public sealed record RetentionResult(string Rule, string Table, DateTimeOffset Cutoff, int Deleted);

/// <summary>
/// Every night (02:40 UTC): applies every <see cref="RetentionRules"/> rule (R-SEC-4). Idempotent: a repeated or
/// concurrent run finds fewer rows; tables that do not exist yet are skipped. Rules of personal-adjacent records write
/// an audit row per run that deleted something.
/// </summary>
public sealed class RetentionJob(Tables tables, RetentionSweeper sweeper, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionJob> log) : ITimerJob
{
    public const string JobName = "retention";
    public string Name => JobName;
    public const string Cron = "0 40 2 * * *";
    public string Schedule => Cron;

    public async Task RunAsync(TimerRun run, CancellationToken ct) => await SweepAsync(ct);

    public async Task<IReadOnlyList<RetentionResult>> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var existing = await ExistingTablesAsync(ct);
        var budget = o.MaxDeletesPerRun;
        var results = new List<RetentionResult>();
        foreach (var rule in RetentionRules.For(o))
        {
            if (budget <= 0) break;
            if (!existing.Contains(tables.Prefix + rule.Table)) continue;
            var cutoff = now - rule.Period;
            var deleted = await sweeper.DeleteAsync(tables.Get(rule.Table), rule.Filter(cutoff), rule.Select,
                row => rule.Touched?.Invoke(row) >= cutoff, budget, ct);
            budget -= deleted;
            results.Add(new RetentionResult(rule.Name, rule.Table, cutoff, deleted));
            if (deleted == 0) continue;
            log.LogInformation("Retention {Rule}: {Deleted} rows of {Table} older than {Cutoff:O} deleted", rule.Name, deleted, rule.Table, cutoff);
            if (rule.Audited)
            {
                var audit = await tables.GetCreatedAsync(RetentionRules.AuditTable, ct);
                await audit.AddEntityAsync(RetentionAuditEntity.For(rule, now, cutoff, deleted), ct);
            }
        }
        if (budget <= 0) log.LogWarning("Retention stopped after {Max} deletions; the next run goes on", o.MaxDeletesPerRun);
        return results;
    }

    /// <summary>Names of the app's tables that exist (one listing instead of a failing query per missing table).</summary>
    private async Task<HashSet<string>> ExistingTablesAsync(CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var filter = tables.Prefix.Length == 0 ? null
            : TableServiceClient.CreateQueryFilter($"TableName ge {tables.Prefix} and TableName lt {tables.Prefix + "~"}");
        await foreach (var t in tables.Service.QueryAsync(filter, cancellationToken: ct))
            names.Add(t.Name);
        return names;
    }
}
