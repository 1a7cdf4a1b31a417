using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// What one sync changes, decided without I/O: the synced staff stored now against what Entra ID says. New members
/// are added (Id = object id), members whose name, e-mail, team or roles differ (or who come back) are changed, stored
/// members found in no mapped group — or disabled in Entra — are deactivated (kept, never deleted). Rows that are no
/// synced staff (demo rows: Id ≠ object id) are not the sync's business.
/// </summary>
public static class StaffSyncPlan
{
    public sealed record Wanted(string ObjectId, string DisplayName, string Email, string TeamId, IReadOnlySet<StaffRole> Roles);

    public sealed record Result(IReadOnlyList<Staff> Added, IReadOnlyList<Staff> Changed, IReadOnlyList<Staff> Deactivated, int Unchanged)
    {
        public IEnumerable<Staff> Writes => Added.Concat(Changed).Concat(Deactivated);
    }

    public static bool IsSynced(Staff s) => string.Equals(s.Id, s.AadObjectId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Merges the groups' members: roles of all groups, the team of the first group (in the order of Staff:Groups) that has one.</summary>
    public static IReadOnlyList<Wanted> Merge(IEnumerable<(StaffGroupMapping Group, IReadOnlyList<DirectoryUser> Members)> groups)
    {
        var byId = new Dictionary<string, (DirectoryUser User, string Team, HashSet<StaffRole> Roles)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, members) in groups)
        {
            var roles = group.ParsedRoles();
            foreach (var user in members.Where(u => u.Enabled))
            {
                var id = user.Id.ToLowerInvariant();
                if (!byId.TryGetValue(id, out var entry))
                    byId[id] = entry = (user, "", []);
                entry.Roles.UnionWith(roles);
                if (entry.Team.Length == 0 && !string.IsNullOrWhiteSpace(group.TeamId))
                    byId[id] = (entry.User, group.TeamId.Trim(), entry.Roles);
            }
        }
        return byId.Select(p => new Wanted(p.Key, p.Value.User.DisplayName, p.Value.User.Email.ToLowerInvariant(), p.Value.Team, p.Value.Roles))
            .OrderBy(w => w.ObjectId, StringComparer.Ordinal).ToList();
    }

    public static Result Plan(IEnumerable<Staff> stored, IReadOnlyList<Wanted> wanted)
    {
        var synced = stored.Where(IsSynced).ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        List<Staff> added = [], changed = [], deactivated = [];
        var unchanged = 0;
        foreach (var w in wanted)
        {
            if (!synced.Remove(w.ObjectId, out var current))
            {
                added.Add(new Staff(w.ObjectId, w.DisplayName, w.Email, w.TeamId, w.Roles, AadObjectId: w.ObjectId));
                continue;
            }
            var next = current with { DisplayName = w.DisplayName, Email = w.Email, TeamId = w.TeamId, Roles = w.Roles, Active = true };
            if (Same(current, next)) unchanged++;
            else changed.Add(next);
        }
        foreach (var left in synced.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (left.Active) deactivated.Add(left with { Active = false });
            else unchanged++;
        }
        return new Result(added, changed, deactivated, unchanged);
    }

    private static bool Same(Staff a, Staff b) =>
        a.DisplayName == b.DisplayName && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase) && a.TeamId == b.TeamId
        && a.Active == b.Active && a.Roles.SetEquals(b.Roles);
}
