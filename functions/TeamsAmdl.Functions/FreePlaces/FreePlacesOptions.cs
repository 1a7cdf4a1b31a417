using System.Globalization;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Settings of the free-place alerts (configuration section "FreePlaces").</summary>
public sealed class FreePlacesOptions
{
    public const string Section = "FreePlaces";

    /// <summary>Changes reaching an IFK within this time after the first are bundled into one card (R-FREE-3).</summary>
    public TimeSpan BundlingWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many free-place cards per IFK and day.</summary>
    public int DailyCap { get; set; } = AlertDailyCap.DefaultCardsPerDay;

    /// <summary>Measures listed on one card; further ones follow with the next card.</summary>
    public int MaxMeasuresPerCard { get; set; } = AlertBundling.DefaultMaxPerCard;

    /// <summary>Working days, comma-separated English day names (Berlin time).</summary>
    public string WorkingDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>Start and end of working hours, HH:mm, Berlin time.</summary>
    public string WorkingHoursStart { get; set; } = "07:30";

    public string WorkingHoursEnd { get; set; } = "17:00";

    /// <summary>Days without alerts (public holidays), comma-separated ISO dates.</summary>
    public string Holidays { get; set; } = "";

    /// <summary>DIA-AM entry dates are announced this many days ahead.</summary>
    public int DiaAmLeadDays { get; set; } = FreePlaceTriggers.DefaultDiaAmLeadDays;


    /// <summary>Parallel writes when a change fans out to the subscribed IFKs.</summary>
    public int FanOutConcurrency { get; set; } = 32;

    /// <summary>Flushes (one card per IFK) processed at the same time by the alert worker.</summary>
    public int WorkerConcurrency { get; set; } = 32;

    /// <summary>
    /// Cards the alert worker builds per second at most. Teams takes 50 messages per second and tenant, so building
    /// faster only piles up outbox messages — and takes storage time from the sends. About the send rate: cards are built as fast as they can go out.
    /// </summary>
    public int MaxCardsPerSecond { get; set; } = 50;

    /// <summary>
    /// Development only (ignored elsewhere, see <see cref="FreePlacesSetup"/>): alerts go out at once, without bundling
    /// window and working hours, so a demo on Friday evening need not wait for Monday 07:30.
    /// </summary>
    public bool DeliverAtOnce { get; set; }

    /// <summary>What <see cref="DeliverAtOnce"/> changes: no bundling window, every hour of every day a working hour.</summary>
    public void ApplyDeliverAtOnce()
    {
        BundlingWindow = TimeSpan.Zero;
        WorkingDays = string.Join(',', Enum.GetNames<DayOfWeek>());
        WorkingHoursStart = "00:00";
        WorkingHoursEnd = "24:00";
        Holidays = "";
    }

    public WorkingHours ToWorkingHours() => WorkingHours.Create(
        WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => Enum.Parse<DayOfWeek>(d, true)),
        TimeOnly.ParseExact(WorkingHoursStart, "HH:mm", CultureInfo.InvariantCulture),
        WorkingHoursEnd is "24:00" ? TimeOnly.MaxValue : TimeOnly.ParseExact(WorkingHoursEnd, "HH:mm", CultureInfo.InvariantCulture),
        Holidays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public AlertDailyCap ToDailyCap() => AlertDailyCap.Create(DailyCap);
}
