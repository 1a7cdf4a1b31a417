namespace TeamsAmdl.Domain;

/// <summary>A change waiting to be announced to one IFK (at most one per measure: a newer change replaces it).</summary>
public sealed record PendingAlert(string MeasureNumber, string ChangeKey, DateTimeOffset At);

/// <summary>One free-place card for one IFK: the measures to show and how many more were left out.</summary>
public sealed record AlertBundle(IReadOnlyList<PendingAlert> Items, int LeftOut);

/// <summary>
/// R-FREE-3 "no spam": changes that reach an IFK within <c>window</c> of the first one are sent together as one
/// card, and nothing is sent outside working hours: the card goes out at the first working moment after the window
/// ends (queued until the next working morning). A card lists each measure once, with the most free places first;
/// more than <c>maxPerCard</c> measures are summarised.
/// </summary>
public static class AlertBundling
{
    public const int DefaultMaxPerCard = 5;

    /// <summary>When the card collecting a change made at <paramref name="firstChange"/> is sent.</summary>
    public static DateTimeOffset SendAt(DateTimeOffset firstChange, TimeSpan window, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (window < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
        return hours.NextWorkingTime(firstChange + window);
    }

    /// <summary>
    /// The card's content from the pending changes: one entry per measure (the newest change), only measures that
    /// still have free places (<paramref name="freePlaces"/>, computed live when the card is built), most free first.
    /// </summary>
    public static AlertBundle Bundle(IEnumerable<PendingAlert> pending, Func<string, int> freePlaces, int maxPerCard = DefaultMaxPerCard)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(freePlaces);
        if (maxPerCard < 1) throw new ArgumentOutOfRangeException(nameof(maxPerCard));
        var live = pending
            .GroupBy(p => p.MeasureNumber, StringComparer.Ordinal)
            .Select(g => g.MaxBy(p => p.At)!)
            .Select(p => (Alert: p, Free: freePlaces(p.MeasureNumber)))
            .Where(x => x.Free > 0)
            .OrderByDescending(x => x.Free).ThenBy(x => x.Alert.MeasureNumber, StringComparer.Ordinal)
            .Select(x => x.Alert)
            .ToList();
        return new AlertBundle(live.Take(maxPerCard).ToList(), Math.Max(0, live.Count - maxPerCard));
    }
}
