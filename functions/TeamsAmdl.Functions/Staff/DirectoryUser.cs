namespace TeamsAmdl.Functions.Staffing;

/// <summary>A user as Graph lists them among a group's members (id = Entra object id).</summary>
public sealed record DirectoryUser(string Id, string DisplayName, string Email, bool Enabled);
