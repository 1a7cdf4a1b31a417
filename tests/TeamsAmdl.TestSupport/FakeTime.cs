namespace TeamsAmdl.TestSupport;

/// <summary>A settable clock for tests (timers still use the real clock; only "now" is faked).</summary>
public sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
    public void Set(DateTimeOffset to) => _now = to;
}
