using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Seeding;

/// <summary>
/// Writes <see cref="DemoData"/> once. The Meta row "seed/demo" records the anchor month; a second start finds it
/// and changes nothing, so demo activity (requests, exits) survives restarts. Outside Development, once Entra groups
/// are mapped (Staff:Groups), staff come only from the sync: the demo staff are left out.
/// </summary>
public sealed class DemoSeeder(Tables tables, TraegerRepository traeger, StaffRepository staff, MeasureRepository measures,
    TimeProvider time, ILogger<DemoSeeder> log, bool seedStaff = true)
{
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var marker = await tables.Meta.GetEntityIfExistsAsync<TableEntity>("seed", "demo", cancellationToken: ct);
        if (marker.HasValue) return false;

        var today = BerlinCalendar.Today(time);
        var anchor = new DateOnly(today.Year, today.Month, 1);
        foreach (var t in DemoData.Teams) await staff.UpsertTeamAsync(t, ct);
        foreach (var t in DemoData.Traeger) await traeger.UpsertAsync(t, ct);
        if (seedStaff)
            foreach (var s in DemoData.Staff) await staff.UpsertAsync(s, ct);
        else
            log.LogInformation("Demo staff not seeded: staff come from the Entra sync (Staff:Groups)");
        foreach (var m in DemoData.Measures(anchor)) await measures.UpsertAsync(m, ct);
        foreach (var group in DemoData.Participations(anchor, today).GroupBy(p => p.MeasureNumber))
        {
            // One transaction per measure (≤ 100 rows, one partition); upserts keep a re-run after a crash harmless.
            var actions = group.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                PlaceEntity.From(p, time.GetUtcNow()))).ToList();
            await tables.Measures.SubmitTransactionAsync(actions, ct);
        }
        await tables.Meta.UpsertEntityAsync(new TableEntity("seed", "demo") { ["Anchor"] = anchor.ToString("yyyy-MM-dd") },
            TableUpdateMode.Replace, ct);
        log.LogInformation("Demo data seeded: {Teams} teams, {Traeger} Träger, {Staff} staff, {Measures} measures (anchor {Anchor})",
            DemoData.Teams.Length, DemoData.Traeger.Length, DemoData.Staff.Length, DemoData.Measures(anchor).Count, anchor);
        return true;
    }
}
