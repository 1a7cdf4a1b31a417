namespace TeamsAmdl.Domain;

/// <summary>
/// R-FREE-3: when alerts may reach people, in Berlin time: working days (default Monday–Friday, minus configured
/// holidays) from <see cref="Start"/> to <see cref="End"/>. Outside, alerts wait until the next working morning.
/// Times are Berlin wall-clock times, so the window follows daylight saving time.
/// </summary>
public sealed record WorkingHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, IReadOnlySet<DateOnly> Holidays)
{
    public static WorkingHours Default { get; } = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(7, 30), new TimeOnly(17, 0), new HashSet<DateOnly>());

    /// <summary>Every minute of every day (e.g. for tests and demos).</summary>
    public static WorkingHours Always { get; } = new(Enum.GetValues<DayOfWeek>().ToHashSet(), TimeOnly.MinValue, TimeOnly.MaxValue,
        new HashSet<DateOnly>());

    public static WorkingHours Create(IEnumerable<DayOfWeek> days, TimeOnly start, TimeOnly end, IEnumerable<DateOnly>? holidays = null)
    {
        var set = days.ToHashSet();
        if (set.Count == 0)
            throw new DomainValidationException(nameof(Days), "Mindestens ein Arbeitstag muss angegeben sein.");
        if (end <= start)
            throw new DomainValidationException(nameof(End), $"Das Ende der Arbeitszeit ({end:HH\\:mm}) muss nach dem Beginn ({start:HH\\:mm}) liegen.");
        return new WorkingHours(set, start, end, (holidays ?? []).ToHashSet());
    }

    public bool IsWorkingDay(DateOnly day) => Days.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    /// <summary>Whether <paramref name="instant"/> lies within working hours (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, BerlinCalendar.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= Start && (time < End || End == TimeOnly.MaxValue);
    }

    /// <summary><paramref name="instant"/> itself during working hours, else the start of the next working day.</summary>
    public DateTimeOffset NextWorkingTime(DateTimeOffset instant)
    {
        if (IsWorkingTime(instant)) return instant;
        var local = TimeZoneInfo.ConvertTime(instant, BerlinCalendar.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= Start) day = day.AddDays(1); // today's window is over (or it is no working day)
        for (var i = 0; i < 400; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                return StartOf(day);
        }
        throw new InvalidOperationException("Innerhalb eines Jahres gibt es keinen Arbeitstag.");
    }

    /// <summary>The start of working hours on <paramref name="day"/> as an instant (Berlin wall clock).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(Start, DateTimeKind.Unspecified);
        if (BerlinCalendar.Zone.IsInvalidTime(local)) local = local.AddHours(1); // inside the spring-forward gap
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, BerlinCalendar.Zone), TimeSpan.Zero);
    }
}
