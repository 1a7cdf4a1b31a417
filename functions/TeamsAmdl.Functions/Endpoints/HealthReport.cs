using TeamsAmdl.Functions.Filing;

namespace TeamsAmdl.Functions.Endpoints;

/// <summary>The answer of /healthz; <paramref name="Filing"/> is the <see cref="FilingMode"/> (Graph, LocalFolder, Held, Misconfigured).</summary>
public sealed record HealthReport(string Status, string Storage, string Settings, IReadOnlyList<string> Missing, string Filing,
    IReadOnlyList<string> Problems);
