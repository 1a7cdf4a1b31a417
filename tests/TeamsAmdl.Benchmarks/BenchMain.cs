namespace TeamsAmdl.Benchmarks;

/// <summary>
/// Benchmarks that need the real app on Azurite (not tests; no timing is asserted anywhere).
/// Usage: dotnet run -c Release --project tests/TeamsAmdl.Benchmarks -- invoke [count]
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        // WebApplicationFactory looks for the app's content root by the entry assembly's name (the dev host's), which a
        // benchmark run from the repository does not have: point it at the Functions project, as for every benchmark.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TEAMSAMDL_DEVHOST",
            Path.Combine(TeamsAmdl.TestSupport.RepoRoot.Find(), "functions", "TeamsAmdl.Functions"));
        switch (args.FirstOrDefault())
        {
            case "invoke":
                await InvokeLatency.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000);
                return 0;
            case "digest": return await DigestPublish.RunAsync(args.Skip(1).Select(int.Parse).ToArray());
            case "fanout": return await AlertFanOut.RunAsync(args.Skip(1).ToArray()); // fanout [count] [--workers n] [--cold] [--progress] [--set key=value]…
            case "soak": return await Soak.RunAsync(args.Skip(1).ToArray()); // soak [minutes=10] [rps=25]
            case FanOutWorker.Command: return await FanOutWorker.RunAsync(); // started by fanout --workers n
            default:
                Console.Error.WriteLine("Benchmarks: invoke [count] | digest [measures] [recipients] | fanout [count] … | soak [minutes=10] [rps=25]");
                return 2;
        }
    }
}
