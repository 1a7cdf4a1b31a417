using TeamsAmdl.Domain.Calendar;

namespace TeamsAmdl.Domain.Deadlines;

/// <summary>
/// When a deadline is announced (R-TN-2, R-TN-4). Participant documents: on the due day to the IFK and the Betreuer
/// (the Erwartungsbogen, which the IFK records, to the IFK only). Träger reports: overdue on the first working day after the due
/// day to the Betreuer, and on the 5th working day after the due day to the Koordinator. Nothing for an item received (whenever:
/// before its due day it is never announced) and nothing for a stage already sent; a stage missed by more than
/// <see cref="MaxLateness"/> (the app was down, or the feature started later) is left to the Fristen view.
/// </summary>
public static class DeadlineSchedule
{
    public const int EscalationWorkingDays = 5;
    public const int MaxLateness = 7;

    /// <summary>The day <paramref name="stage"/> of <paramref name="item"/> is due.</summary>
    public static DateOnly DayOf(DeadlineItem item, NoticeStage stage) => stage switch
    {
        NoticeStage.DueToday => item.Due,
        NoticeStage.Overdue => WorkingDays.OnOrAfter(item.Due.AddDays(1)),
        _ => WorkingDays.Add(WorkingDays.OnOrAfter(item.Due.AddDays(1)), EscalationWorkingDays - 1),
    };

    /// <summary>The stages of <paramref name="item"/> this kind has.</summary>
    public static IReadOnlyList<NoticeStage> StagesOf(DeadlineKind kind) =>
        kind.IsParticipantDocument() ? [NoticeStage.DueToday] : [NoticeStage.Overdue, NoticeStage.Escalated];

    public static IReadOnlyList<NoticeRecipient> RecipientsOf(DeadlineKind kind, NoticeStage stage) => stage switch
    {
        NoticeStage.DueToday when kind == DeadlineKind.Erwartungsbogen => [NoticeRecipient.Ifk],
        NoticeStage.DueToday => [NoticeRecipient.Ifk, NoticeRecipient.Betreuer],
        NoticeStage.Overdue => [NoticeRecipient.Betreuer],
        _ => [NoticeRecipient.Koordinator],
    };

    /// <summary>The notices due on <paramref name="today"/> for <paramref name="item"/>, given what was received and sent.</summary>
    public static IReadOnlyList<DeadlineNotice> Due(DeadlineItem item, DateOnly today, bool received, IReadOnlySet<NoticeStage> sent)
    {
        if (received) return [];
        var notices = new List<DeadlineNotice>();
        foreach (var stage in StagesOf(item.Kind))
        {
            var day = DayOf(item, stage);
            if (sent.Contains(stage) || today < day || today.DayNumber - day.DayNumber > MaxLateness) continue;
            notices.AddRange(RecipientsOf(item.Kind, stage).Select(to => new DeadlineNotice(item, stage, to)));
        }
        return notices;
    }

    /// <summary>Status for the Fristen view: Done (received), Overdue (past its due day), Open.</summary>
    public static string StatusOf(DeadlineItem item, DateOnly today, bool received) =>
        received ? "Done" : today > item.Due ? "Overdue" : "Open";
}
