namespace TeamsAmdl.Domain.Quality;

/// <summary>
/// What is stored of an inspection: every ad-hoc one, and a regular slot once someone confirmed, moved or recorded it.
/// </summary>
/// <param name="PlannedFor">For a regular slot: the plan date the confirmation or new date was given for. When the
/// measure's dates change, the plan date changes and the stale confirmation no longer applies.</param>
public sealed record StoredInspection(string Id, InspectionKind Kind, int? Months, DateOnly Date, InspectionStatus Status, DateOnly? PlannedFor);
