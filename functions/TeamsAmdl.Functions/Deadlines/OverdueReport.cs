using static TeamsAmdl.Functions.Deadlines.DeadlineContracts;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>A Träger report overdue on a given day (R-TN-4) with the team of its measure, for the month-end card per team.</summary>
public sealed record OverdueReport(string TeamId, DeadlineView Item);
