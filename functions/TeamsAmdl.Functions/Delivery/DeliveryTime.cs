using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Delivery;

/// <summary>
/// When a scheduled message reaches people (issue 14, item 5: "honest timing"): every API answer that schedules a card
/// carries the instant (<c>deliverAt</c>) and the German sentence (<c>delivery</c>), so nobody reads "alerted: true" on
/// Friday evening and waits for a card that is held until Monday morning.
/// </summary>
public sealed record DeliveryTime(DateTimeOffset DeliverAt, string Delivery)
{
    /// <summary>Up to this much later counts as "now": the outbox worker picks a message up within seconds.</summary>
    public static readonly TimeSpan Immediate = TimeSpan.FromMinutes(1);

    private static readonly string[] Weekdays = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];

    public static DeliveryTime At(DateTimeOffset deliverAt, DateTimeOffset now) =>
        deliverAt - now <= Immediate ? new(now, DeliveryTexts.Now) : new(deliverAt, DeliveryTexts.From(Format(deliverAt)));

    /// <summary>"Mo 23.11.2026, 07:30 Uhr" in Berlin time (the one date format of the app, times as "HH:mm Uhr").</summary>
    public static string Format(DateTimeOffset at) => Weekdays[(int)BerlinCalendar.DateOf(at).DayOfWeek] + " " + BerlinCalendar.Format(at);
}
