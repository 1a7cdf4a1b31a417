using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// The Träger, staff and teams a measure may refer to, loaded once per request or import (three single-partition
/// reads). References resolve by id, or as people write them in the Maßnahmeübersicht: Träger and team by name, staff
/// by e-mail address or (when unique) display name.
/// </summary>
public sealed class MeasureDirectory(IReadOnlyList<Traeger> traeger, IReadOnlyList<Staff> staff, IReadOnlyList<Team> teams)
{
    public static async Task<MeasureDirectory> LoadAsync(TraegerRepository traeger, StaffRepository staff, CancellationToken ct) =>
        new(await traeger.ListAsync(ct), await staff.ListAsync(ct), await staff.ListTeamsAsync(ct));

    public Traeger? FindTraeger(string key) =>
        traeger.FirstOrDefault(t => t.Id == key) ?? traeger.FirstOrDefault(t => Same(t.Name, key));

    /// <summary>The staff member, or null with a German reason.</summary>
    public (Staff? Staff, string? Problem) FindStaff(string key)
    {
        if (staff.FirstOrDefault(s => s.Id == key || Same(s.Email, key)) is { } hit) return (hit, null);
        var byName = staff.Where(s => Same(s.DisplayName, key)).Take(2).ToList();
        return byName.Count switch
        {
            1 => (byName[0], null),
            0 => (null, MeasureTexts.UnknownStaff(key)),
            _ => (null, MeasureTexts.AmbiguousStaff(key)),
        };
    }

    public Team? FindTeam(string key) => teams.FirstOrDefault(t => t.Id == key) ?? teams.FirstOrDefault(t => Same(t.Name, key));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
