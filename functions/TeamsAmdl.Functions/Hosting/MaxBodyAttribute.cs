namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// The largest request body an HTTP function accepts, enforced by <see cref="BodyLimitMiddleware"/> before the function
/// runs (413 otherwise). Without the attribute a function gets <see cref="Default"/>: the JSON bodies of this app are
/// a few hundred bytes; imports and bot activities declare more.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MaxBodyAttribute(long bytes) : Attribute
{
    public const long Default = 32 * 1024;

    public long Bytes { get; } = bytes;
}
