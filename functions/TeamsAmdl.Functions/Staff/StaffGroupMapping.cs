using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>One entry of Staff:Groups: an Entra security group, the roles its members get and (optionally) their team.</summary>
public sealed class StaffGroupMapping
{
    /// <summary>Object id of the Entra security group.</summary>
    public string GroupId { get; set; } = "";

    /// <summary>Comma-separated <see cref="StaffRole"/> names, e.g. "Ifk" or "Betreuer,Bewerter".</summary>
    public string Roles { get; set; } = "";

    /// <summary>The team its members belong to (Teams table id); with <see cref="TeamName"/> the sync also stores the team.</summary>
    public string? TeamId { get; set; }

    public string? TeamName { get; set; }
    public string? TeamLocation { get; set; }

    public IReadOnlyList<string> RoleNames =>
        Roles.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The roles; only valid after <see cref="StaffOptionsValidator"/> accepted the names.</summary>
    public IReadOnlySet<StaffRole> ParsedRoles() => RoleNames.Select(r => Enum.Parse<StaffRole>(r, ignoreCase: true)).ToHashSet();
}
