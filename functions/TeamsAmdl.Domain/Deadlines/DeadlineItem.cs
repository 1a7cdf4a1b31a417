namespace TeamsAmdl.Domain.Deadlines;

/// <summary>
/// One deadline of a measure: a participant document or a Träger report. Key identifies it within the measure and never
/// changes for the same event (kind, customer reference and event day, or kind and month), so a received mark and the
/// reminders sent attach to it. Event is the day that started the clock (exit, entry, month end); Due the last day.
/// </summary>
public sealed record DeadlineItem(string Key, DeadlineKind Kind, string MeasureNumber, string? CustomerRef, string? IfkId, DateOnly Event,
    DateOnly Due)
{
    public static string KeyFor(DeadlineKind kind, string customerRef, DateOnly day) => $"{kind}:{customerRef}:{day:yyyy-MM-dd}";

    public static string KeyFor(DeadlineKind kind, int year, int month) => $"{kind}:{year:0000}-{month:00}";
}
