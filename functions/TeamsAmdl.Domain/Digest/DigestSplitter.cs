namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// Teams rejects bot messages over about 28 KB. A digest that does not fit one message is split into consecutive
/// parts, each as full as the limit allows (greedy; fewest parts for a monotone size). The size is measured, not
/// estimated: <c>sizeOf(start, count)</c> renders the part of <c>count</c> items from <c>start</c> exactly as it
/// would be sent and returns its bytes. It must not shrink when an item is added.
/// </summary>
public static class DigestSplitter
{
    /// <summary>
    /// The parts as (start, count) ranges covering all <paramref name="itemCount"/> items in order. Throws
    /// <see cref="DigestTooLargeException"/> when a single item (with the part's frame) exceeds <paramref name="maxBytes"/>;
    /// nothing is ever dropped.
    /// </summary>
    public static IReadOnlyList<(int Start, int Count)> Split(int itemCount, Func<int, int, int> sizeOf, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(sizeOf);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var parts = new List<(int, int)>();
        if (itemCount == 0)
        {
            if (sizeOf(0, 0) > maxBytes) throw new DigestTooLargeException(0, sizeOf(0, 0), maxBytes);
            parts.Add((0, 0));
            return parts;
        }
        var start = 0;
        while (start < itemCount)
        {
            var remaining = itemCount - start;
            var one = sizeOf(start, 1);
            if (one > maxBytes) throw new DigestTooLargeException(start, one, maxBytes);
            // Exponential probe for an upper bound, then binary search for the largest count that fits.
            int fits = 1, tooMany = -1, probe = 2;
            while (probe <= remaining)
            {
                if (sizeOf(start, probe) <= maxBytes) { fits = probe; probe *= 2; }
                else { tooMany = probe; break; }
            }
            if (tooMany < 0)
            {
                if (fits < remaining && sizeOf(start, remaining) <= maxBytes) fits = remaining;
                else tooMany = fits < remaining ? remaining : -1;
            }
            if (tooMany > 0)
            {
                int lo = fits, hi = tooMany; // lo fits, hi does not
                while (hi - lo > 1)
                {
                    var mid = lo + (hi - lo) / 2;
                    if (sizeOf(start, mid) <= maxBytes) lo = mid;
                    else hi = mid;
                }
                fits = lo;
            }
            parts.Add((start, fits));
            start += fits;
        }
        return parts;
    }
}

/// <summary>One item of a digest does not fit a message even on its own.</summary>
public sealed class DigestTooLargeException(int index, int bytes, int maxBytes)
    : Exception($"Zeile {index + 1} des Digests ist allein schon {bytes} Byte groß (höchstens {maxBytes} Byte je Nachricht).")
{
    public int Index { get; } = index;
    public int Bytes { get; } = bytes;
}
