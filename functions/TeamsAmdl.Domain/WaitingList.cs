namespace TeamsAmdl.Domain;

/// <summary>
/// R-FREE-2: the waiting list of a measure is served in request order (the order in which the requests reached the
/// Jobcenter, not the order of joining the list): a freed place goes to the first entry, two places to the first two.
/// </summary>
public static class WaitingList
{
    /// <summary>The entries that are offered <paramref name="freePlaces"/> places, in order.</summary>
    public static IReadOnlyList<T> ToOffer<T>(IEnumerable<T> entries, Func<T, string> requestOrderKey, int freePlaces)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(requestOrderKey);
        return freePlaces <= 0 ? [] : Order(entries, requestOrderKey).Take(freePlaces).ToList();
    }

    public static IReadOnlyList<T> Order<T>(IEnumerable<T> entries, Func<T, string> requestOrderKey) =>
        entries.OrderBy(requestOrderKey, StringComparer.Ordinal).ToList();

    /// <summary>1-based position of <paramref name="key"/> in the list, or null.</summary>
    public static int? Position(IEnumerable<string> requestOrderKeys, string key)
    {
        var i = requestOrderKeys.Order(StringComparer.Ordinal).ToList().IndexOf(key);
        return i < 0 ? null : i + 1;
    }
}
