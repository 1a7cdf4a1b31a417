namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-4: day-exact Teilnahmemonate (TM) for DIA-AM. 1/30 TM per participation day, every calendar month
/// counts as 30 days: the 30E/360 count, inclusive of both ends,
/// days = (Y2−Y1)·360 + (M2−M1)·30 + (D2−D1) + 1 with day 31 → 30 and a last day of February → 30.
/// <para>
/// Implemented as positions on a 360-day axis: <c>days(first, last) = P(last) − P(first − 1 day)</c> where
/// P(d) = 360·Y + 30·(M−1) + D' (D' = 30 for the 31st and for the last day of February). This equals the formula
/// above for every period that does not start on a 31st, and it is additive: splitting a period at any day
/// (e.g. for the monthly Bewirtschaftungsliste) never changes the total, and every calendar month is exactly
/// 30 days. Consequently a 31st weighs 0 days, the last day of February weighs 3 (2 in leap years), all others
/// 1. (The literal formula with D1 = 31 → 30 would count a 31st only when a period starts on it, so January
/// split at the 31st would give 31 days.)
/// </para>
/// <para>
/// R-CAP-5: 24 and 31 December are not measure days, but like weekends they stay inside a participation period and
/// do not reduce the count: a full calendar month is exactly 1 TM, December included (01.12.–31.12. = 30 days;
/// the 31st weighs 0 as in every month). So the count needs no December exception at all.
/// </para>
/// </summary>
public static class Teilnahmemonate
{
    public const int DaysPerMonth = 30;

    /// <summary>Counted days from <paramref name="first"/> to <paramref name="last"/>, both inclusive; 0 if last &lt; first.</summary>
    public static int Days(DateOnly first, DateOnly last) => last < first ? 0 : Position(last) - Position(first.AddDays(-1));

    /// <summary>TM from <paramref name="first"/> to <paramref name="last"/>, both inclusive: <see cref="Days"/> / 30, exact decimal.</summary>
    public static decimal Between(DateOnly first, DateOnly last) => FromDays(Days(first, last));

    public static decimal FromDays(int days) => days / (decimal)DaysPerMonth;

    /// <summary>Position of the end of <paramref name="day"/> on the 30E/360 axis.</summary>
    private static int Position(DateOnly day)
    {
        var d = day.Day == 31 || (day.Month == 2 && day.Day == DateTime.DaysInMonth(day.Year, 2)) ? 30 : day.Day;
        return day.Year * 360 + (day.Month - 1) * 30 + d;
    }
}
