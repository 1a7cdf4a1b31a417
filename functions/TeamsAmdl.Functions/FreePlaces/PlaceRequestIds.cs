using System.Security.Cryptography;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// New place request ids (RowKey of <see cref="PlaceRequestEntity"/>; RowKey order is the waiting list's order): the
/// arrival in UTC ticks of the clock, kept strictly increasing within this instance (two requests in one tick, or a clock
/// set back, stay in arrival order), then 8 random hex digits, so several Functions instances writing in the same tick
/// never produce the same id. Requests of different instances in the same tick are simultaneous: their order among
/// themselves is arbitrary, which the waiting list accepts.
/// </summary>
public sealed class PlaceRequestIds(TimeProvider time)
{
    private long _lastTicks;

    public string Next()
    {
        var now = time.GetUtcNow().UtcTicks;
        long last, ticks;
        do
        {
            last = Volatile.Read(ref _lastTicks);
            ticks = Math.Max(now, last + 1);
        } while (Interlocked.CompareExchange(ref _lastTicks, ticks, last) != last);
        return $"{ticks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }
}
