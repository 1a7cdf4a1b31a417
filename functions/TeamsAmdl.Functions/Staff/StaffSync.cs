using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// Syncs staff and roles from Entra ID (<see cref="StaffSyncPlan"/> decides, this class reads and writes). All groups
/// are read before anything is written: a Graph failure (after the client's own retries) throws and changes nothing,
/// so an outage never deactivates anyone. Idempotent: a second run without changes in Entra writes nothing.
/// </summary>
public sealed class StaffSync(Lazy<StaffDirectory> directory, StaffRepository staff, IOptions<StaffOptions> options, ILogger<StaffSync> log)
{
    public async Task<StaffSyncResult> RunAsync(CancellationToken ct)
    {
        var groups = options.Value.Groups;
        if (groups.Count == 0)
        {
            log.LogWarning("Staff sync skipped: no Entra groups mapped (Staff:Groups)");
            return new StaffSyncResult(false, 0, 0, 0, 0, StaffTexts.NotConfigured);
        }

        var members = new List<(StaffGroupMapping, IReadOnlyList<DirectoryUser>)>();
        foreach (var group in groups)
            members.Add((group, await directory.Value.UsersOfGroupAsync(group.GroupId, ct)));
        var plan = StaffSyncPlan.Plan(await staff.ListAsync(ct), StaffSyncPlan.Merge(members));

        var known = (await staff.ListTeamsAsync(ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var g in groups.Where(g => !string.IsNullOrWhiteSpace(g.TeamId) && !string.IsNullOrWhiteSpace(g.TeamName)))
        {
            var team = new Domain.Team(g.TeamId!.Trim(), g.TeamName!.Trim(), g.TeamLocation?.Trim() ?? "");
            if (known.GetValueOrDefault(team.Id) != team) await staff.UpsertTeamAsync(team, ct);
        }
        foreach (var s in plan.Writes)
            await staff.UpsertAsync(s, ct);

        log.LogInformation("Staff sync: {Added} added, {Changed} changed, {Deactivated} deactivated, {Unchanged} unchanged",
            plan.Added.Count, plan.Changed.Count, plan.Deactivated.Count, plan.Unchanged);
        return new StaffSyncResult(true, plan.Added.Count, plan.Changed.Count, plan.Deactivated.Count, plan.Unchanged,
            StaffTexts.Summary(plan.Added.Count, plan.Changed.Count, plan.Deactivated.Count, plan.Unchanged));
    }
}
