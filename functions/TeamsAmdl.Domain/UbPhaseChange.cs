namespace TeamsAmdl.Domain;

/// <summary>A recorded phase change of a UB/InbeQ participation: <paramref name="Phase"/> begins on <paramref name="From"/>.</summary>
public sealed record UbPhaseChange(UbPhase Phase, DateOnly From);
