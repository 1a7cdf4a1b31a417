namespace TeamsAmdl.Domain;

/// <summary>
/// A Jobcenter employee (never a customer). Team is the organisational unit, e.g. "Team U25". Staff synced from
/// Entra ID have Id = AadObjectId; demo staff (Development) keep readable ids. A deactivated member (left every mapped
/// Entra group) is kept for history but gets no cards and cannot act.
/// </summary>
public sealed record Staff(string Id, string DisplayName, string Email, string TeamId, IReadOnlySet<StaffRole> Roles,
    string? AadObjectId = null, string? ManagerId = null, bool Active = true)
{
    public bool Has(StaffRole role) => Roles.Contains(role);

    /// <summary>Reachable with cards: active and known in Teams.</summary>
    public bool CanReceiveCards => Active && !string.IsNullOrWhiteSpace(AadObjectId);
}

public sealed record Team(string Id, string Name, string Location);
