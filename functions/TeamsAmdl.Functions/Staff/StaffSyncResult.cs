namespace TeamsAmdl.Functions.Staffing;

/// <summary>The answer of POST api/staff/sync: counts for machines, <see cref="Summary"/> for people.</summary>
public sealed record StaffSyncResult(bool Configured, int Added, int Changed, int Deactivated, int Unchanged, string Summary);
