namespace TeamsAmdl.Domain.Deadlines;

/// <summary>The stages a deadline is announced at. Stored by name (the sent marks): do not rename members.</summary>
public enum NoticeStage
{
    /// <summary>Participant documents, on the due day: the IFK and the Betreuer (Erwartungsbogen: the IFK).</summary>
    DueToday,
    /// <summary>Träger reports, on the first day after the due day: the Betreuer.</summary>
    Overdue,
    /// <summary>Träger reports, 5 working days after the due day: the Koordinator.</summary>
    Escalated,
}

/// <summary>Who gets a notice.</summary>
public enum NoticeRecipient { Ifk, Betreuer, Koordinator }

/// <summary>One notice due today for one deadline and one recipient role.</summary>
public sealed record DeadlineNotice(DeadlineItem Item, NoticeStage Stage, NoticeRecipient To);
