using TeamsAmdl.Domain.Quality;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>
/// A stored inspection (table InspectionRecords, PartitionKey = Maßnahmenummer, RowKey "i|{id}"): every ad-hoc one, and a
/// regular slot once it was confirmed, moved or recorded (untouched regular slots live only in the plan).
/// </summary>
public sealed record InspectionRecord(
    string MeasureNumber,
    string Id,
    InspectionKind Kind,
    int? Months,
    DateOnly Date,
    InspectionStatus Status,
    DateOnly? PlannedFor,
    string? Note,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? ConfirmedByName = null,
    DateTimeOffset? ConfirmedAt = null,
    InspectionRecording? Recording = null)
{
    public StoredInspection ToStored() => new(Id, Kind, Months, Date, Status, PlannedFor);
}

/// <summary>What was recorded of a held inspection (R-QA-2) and where its Prüfbericht went.</summary>
public sealed record InspectionRecording(
    DateOnly Date,
    IReadOnlyList<string> AttendeeIds,
    IReadOnlyList<string> AttendeeNames,
    string Findings,
    CosachContactType ContactType,
    string RecordedBy,
    string RecordedByName,
    DateTimeOffset RecordedAt,
    string? FilingJobId,
    string? FilingPath);
