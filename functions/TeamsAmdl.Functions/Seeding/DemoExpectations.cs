using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.Deadlines;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Seeding;

/// <summary>
/// Demo only (Seed:Demo): the Erwartungsbögen the IFKs would have recorded at assignment (R-TN-1), so the demo's Fristen
/// view shows the few open ones instead of one per participant. <see cref="KeptOpen"/> keeps its newest participants'
/// Erwartungsbögen open (overdue), so the feature stays visible; its tests rely on that. Once per installation (Meta row
/// "seed/demo-expectations"), after <see cref="DemoSeeder"/>; a mark already there (a real entry) is left alone.
/// </summary>
public sealed class DemoExpectations(Tables tables, DeadlineTables deadlines, MeasureRepository measures, TimeProvider time,
    ILogger<DemoExpectations> log)
{
    /// <summary>The measure whose Erwartungsbögen stay open: "Bewerbungswerkstatt Digital", started a month before the seed.</summary>
    public const string KeptOpen = "962-E-2026-0104";

    /// <summary>Neutral demo expectations (no personal data), assigned round-robin.</summary>
    private static readonly string[] Texts =
    [
        "Wieder eine feste Arbeit finden, am liebsten in Teilzeit.",
        "Einen Abschluss nachholen und danach eine Ausbildung beginnen.",
        "Mehr Sicherheit bei Bewerbungen und Vorstellungsgesprächen.",
        "Herausfinden, welche Arbeit gesundheitlich passt.",
    ];

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var marker = await tables.Meta.GetEntityIfExistsAsync<TableEntity>("seed", "demo-expectations", cancellationToken: ct);
        if (marker.HasValue) return 0;
        var today = BerlinCalendar.Today(time);
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var number in DemoData.Measures(today).Select(m => m.Number).Where(n => n != KeptOpen))
        {
            var existing = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var mark in deadlines.Marks.QueryAsync<DeadlineMark>(TableClient.CreateQueryFilter($"PartitionKey eq {number}"),
                               select: ["RowKey"], cancellationToken: ct))
                existing.Add(mark.RowKey);
            var rows = (await measures.ParticipationsAsync(number, ct))
                .Where(p => p.IfkId is not null && p.Entry <= today)
                .Select((p, i) => new DeadlineMark
                {
                    PartitionKey = number, RowKey = DeadlineItem.KeyFor(DeadlineKind.Erwartungsbogen, p.CustomerRef, p.Entry),
                    Due = StoredDate.Write(DeadlineRules.Erwartungsbogen(p.Entry)), ReceivedOn = StoredDate.Write(p.Entry), ReceivedBy = p.IfkId,
                    ReceivedAt = now, Expectation = Texts[i % Texts.Length], TargetDate = StoredDate.Write(p.Entry.AddMonths(6)),
                })
                .Where(m => !existing.Contains(m.RowKey))
                .ToList();
            foreach (var chunk in rows.Chunk(100))
                await deadlines.Marks.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
            count += rows.Count;
        }
        await tables.Meta.UpsertEntityAsync(new TableEntity("seed", "demo-expectations"), TableUpdateMode.Replace, ct);
        log.LogInformation("Demo-Erwartungsbögen erfasst: {Count}", count);
        return count;
    }
}
