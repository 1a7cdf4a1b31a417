namespace TeamsAmdl.Benchmarks;

/// <summary>
/// Benchmarks that need the real app on Azurite (not tests; no timing is asserted anywhere).
/// Usage: dotnet run -c Release --project tests/TeamsAmdl.Benchmarks -- invoke [count]
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "invoke":
                await InvokeLatency.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000);
                return 0;
            case "digest": return await DigestPublish.RunAsync(args.Skip(1).Select(int.Parse).ToArray());
            case "fanout": return await AlertFanOut.RunAsync(args.Skip(1).ToArray()); // fanout [count] [--workers n] [--cold] [--progress] [--set key=value]…
            case FanOutWorker.Command: return await FanOutWorker.RunAsync(); // started by fanout --workers n
            default:
                Console.Error.WriteLine("Benchmarks: invoke [count]  (Universal Actions invoke latency, ping verb, over HTTP, app on Azurite)");
                return 2;
        }
    }
}
