using TeamsAmdl.Domain.Quality;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>A Mangel found at an inspection (RowKey "m|{id}" next to its inspection) with its dated history (R-QA-3).</summary>
/// <param name="PendingNotices">Steps whose cards are not yet known to be in the outbox: saved with the step, cleared once
/// queued; the reminder timer queues whatever a crash left here (see <see cref="MangelService.CompleteNoticesAsync"/>).</param>
public sealed record MangelRecord(
    string MeasureNumber,
    string Id,
    string InspectionId,
    string Description,
    bool Serious,
    MangelStatus Status,
    DateOnly? Deadline,
    IReadOnlyList<MangelHistoryEntry> History,
    string? LetterJobId = null,
    string? LetterPath = null,
    IReadOnlyList<MangelAction>? PendingNotices = null);

/// <summary>One transition: when, by whom ("system" for the timer), what, from and to.</summary>
public sealed record MangelHistoryEntry(DateTimeOffset At, string By, string ByName, string Action, MangelStatus? From, MangelStatus To,
    DateOnly? Deadline);
