namespace TeamsAmdl.Domain.Ratings;

/// <summary>
/// R-RATE-1: the deadline is the day 4 weeks after the request was sent (Berlin calendar dates: sent on Monday
/// 2 Nov → due Monday 30 Nov). The day itself still counts; the request is overdue from the next day on.
/// </summary>
public static class RatingDeadline
{
    public const int Weeks = 4;

    public static DateOnly For(DateTimeOffset sentAt) => BerlinCalendar.DateOf(sentAt).AddDays(Weeks * 7);

    public static bool IsOverdue(DateOnly deadline, DateOnly today) => today > deadline;

    /// <summary>Days from today to the deadline (0 on the day itself, negative when overdue).</summary>
    public static int DaysLeft(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber;
}
