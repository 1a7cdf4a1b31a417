namespace TeamsAmdl.Domain;

/// <summary>
/// R-FREE-3 "no spam": at most <see cref="CardsPerDay"/> free-place cards per IFK per Berlin calendar day. A card
/// over the cap waits for the next working morning (its changes stay pending and are bundled into that card).
/// </summary>
public sealed record AlertDailyCap(int CardsPerDay)
{
    public const int DefaultCardsPerDay = 10;

    public static AlertDailyCap Create(int cardsPerDay) => cardsPerDay >= 1
        ? new AlertDailyCap(cardsPerDay)
        : throw new DomainValidationException(nameof(CardsPerDay), "Die Tagesobergrenze muss mindestens 1 Karte betragen.");

    public bool Allows(int sentToday) => sentToday < CardsPerDay;

    /// <summary>Null if a card may go out now; otherwise when to try again: the next working morning after today.</summary>
    public DateTimeOffset? Deferral(int sentToday, DateTimeOffset now, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (Allows(sentToday)) return null;
        var tomorrow = BerlinCalendar.DateOf(now).AddDays(1);
        return hours.NextWorkingTime(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tomorrow.ToDateTime(TimeOnly.MinValue), BerlinCalendar.Zone), TimeSpan.Zero));
    }
}
