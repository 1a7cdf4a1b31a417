using System.Collections.Concurrent;

namespace TeamsAmdl.Benchmarks;

/// <summary>What the soak measured in one minute: latencies of every call, errors by kind, first-chance storage exceptions.</summary>
public sealed class SoakMinute
{
    public ConcurrentBag<double> Latencies { get; } = [];
    public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    public int Calls;
    public int StorageExceptions;
    public int Skipped;
    public Dictionary<string, long> Rows { get; set; } = [];

    public double P(double q)
    {
        var ms = Latencies.Order().ToArray();
        return ms.Length == 0 ? 0 : ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
    }

    public int ErrorCount => Errors.Values.Sum();
}
