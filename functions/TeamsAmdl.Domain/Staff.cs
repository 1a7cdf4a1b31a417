namespace TeamsAmdl.Domain;

/// <summary>A Jobcenter employee (never a customer). Team is the organisational unit, e.g. "Team U25".</summary>
public sealed record Staff(string Id, string DisplayName, string Email, string TeamId, IReadOnlySet<StaffRole> Roles,
    string? AadObjectId = null, string? ManagerId = null)
{
    public bool Has(StaffRole role) => Roles.Contains(role);
}

public sealed record Team(string Id, string Name, string Location);
