namespace TeamsAmdl.Domain;

/// <summary>One stretch of a UB/InbeQ participation in one phase; Until is its last day (null while it runs).</summary>
public sealed record UbPhasePeriod(UbPhase Phase, DateOnly From, DateOnly? Until);
