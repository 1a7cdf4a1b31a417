using TeamsAmdl.Filing;

namespace TeamsAmdl.Functions.Filing;

/// <summary>What <see cref="FilingDemo"/> queued, and where the worker files it (<see cref="FilingState.Target"/>).</summary>
public sealed record FilingDemoRun(string Target, string Mode, IReadOnlyList<FilingReceipt> Jobs);
