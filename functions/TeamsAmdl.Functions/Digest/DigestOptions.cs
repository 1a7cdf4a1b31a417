using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>Settings of the weekly Maßnahmeinfo (configuration section "Digest"); every value has a default.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Weekday and Berlin time of the Betreuer request (R-INFO-1).</summary>
    public DayOfWeek RequestDay { get; set; } = DayOfWeek.Monday;
    public TimeOnly RequestTime { get; set; } = new(8, 0);

    /// <summary>Weekday and Berlin time of the one reminder to Betreuer whose input is missing.</summary>
    public DayOfWeek ReminderDay { get; set; } = DayOfWeek.Wednesday;
    public TimeOnly ReminderTime { get; set; } = new(10, 0);

    /// <summary>A reminder needs this many hours after the request went out (a late first run does not send both).</summary>
    public double MinReminderGapHours { get; set; } = 12;

    /// <summary>
    /// Largest message the app builds (the activity JSON as queued, in bytes). Teams rejects bot messages over about
    /// 28 KB; the rest of the 28 KB is left for what the Bot Connector adds on the way (ids, addresses).
    /// </summary>
    public int MaxMessageBytes { get; set; } = 26 * 1024;

    /// <summary>A digest that would need more messages than this is sent in condensed form (nothing is cut silently).</summary>
    public int MaxParts { get; set; } = 10;

    /// <summary>
    /// Messages one person gets at most (1:1, <see cref="PersonalDigestBuilder"/>): what does not fit is counted, never cut
    /// silently; the complete table stays in the tab and the PDF.
    /// </summary>
    public int MaxPersonalParts { get; set; } = 2;

    /// <summary>Entry dates within this many days are highlighted.</summary>
    public int SoonDays { get; set; } = DigestRules.DefaultSoonDays;

    /// <summary>The Teams app id (manifest "id") and the static tab's entityId, for the deep link in the digest.</summary>
    public string TeamsAppId { get; set; } = "5d7f9ce3-4eea-4e6a-965e-f047ef2989b2";
    public string TabEntityId { get; set; } = "massnahmeinfo";

    /// <summary>Name of the Jobcenter on the document.</summary>
    public string JobcenterName { get; set; } = Seeding.DemoData.JobcenterName;

    public WeeklyInputSchedule Schedule() =>
        WeeklyInputSchedule.Create(RequestDay, RequestTime, ReminderDay, ReminderTime, TimeSpan.FromHours(MinReminderGapHours));
}
