namespace TeamsAmdl.Domain;

/// <summary>A provider (Träger) of measures.</summary>
public sealed record Traeger(string Id, string Name, string City, string? ContactEmail = null);
