using System.Text.Json.Serialization;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>POST api/measures/{number}/inspections: an announced ad-hoc inspection.</summary>
public sealed record NewAdhocInspection(DateOnly? Date, string? Note);

/// <summary>POST …/inspections/{id}/reschedule.</summary>
public sealed record RescheduleBody(DateOnly? Date);

/// <summary>POST …/inspections/{id}/record (R-QA-2). Date: the day of the visit (default the planned date).</summary>
public sealed record RecordInspectionBody(DateOnly? Date, IReadOnlyList<string>? Attendees, string? Findings, int? ContactType,
    IReadOnlyList<NewMangel>? Maengel);

public sealed record NewMangel(string? Description, bool Serious);

/// <summary>POST api/measures/{number}/maengel/{id}/transitions: a <see cref="Domain.Quality.MangelAction"/> by name.</summary>
public sealed record MangelTransitionBody(string? Action, DateOnly? Deadline);

/// <summary>
/// One inspection as GET api/measures/{number}/inspections lists it (contract: date yyyy-MM-dd, kind regular|adhoc,
/// status planned|confirmed|recorded), with what the tab needs besides.
/// </summary>
public sealed record InspectionView(
    string Id,
    [property: JsonPropertyName("date")] string Date,
    string Kind,
    string Status,
    int? Months,
    string KindText,
    string StatusText,
    string? Note,
    string? ConfirmedBy,
    RecordingView? Recording,
    IReadOnlyList<MangelView> Maengel);

public sealed record RecordingView(string Date, IReadOnlyList<string> Attendees, string Findings, int ContactType, string ContactTypeText,
    string RecordedBy, DateTimeOffset RecordedAt, string? EAkte);

/// <param name="Actions">The transitions the caller may take now (names of MangelAction).</param>
public sealed record MangelView(string Id, string MeasureNumber, string InspectionId, string Description, bool Serious, string Status,
    string StatusText, string? Deadline, IReadOnlyList<string> Actions, string? Letter, IReadOnlyList<MangelHistoryView> History);

public sealed record MangelHistoryView(DateTimeOffset At, string By, string Action, string? From, string To, string? Deadline);
