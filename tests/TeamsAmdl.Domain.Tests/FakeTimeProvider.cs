namespace TeamsAmdl.Domain.Tests;

/// <summary>A clock fixed at one instant.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
