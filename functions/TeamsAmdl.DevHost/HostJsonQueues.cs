using System.Text.Json.Nodes;

namespace TeamsAmdl.DevHost;

/// <summary>
/// host.json's extensions.queues, read from the Functions app's host.json (copied next to the assemblies), so the
/// dev host polls with the settings the Functions host uses. Defaults are the host's.
/// </summary>
public sealed record HostJsonQueues(int BatchSize, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, string MessageEncoding)
{
    public static HostJsonQueues Load(string path)
    {
        var queues = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["queues"] : null;
        return new HostJsonQueues(
            (int?)queues?["batchSize"] ?? 16,
            (int?)queues?["maxDequeueCount"] ?? 5,
            TimeSpan.Parse((string?)queues?["visibilityTimeout"] ?? "00:00:00"),
            TimeSpan.Parse((string?)queues?["maxPollingInterval"] ?? "00:01:00"),
            (string?)queues?["messageEncoding"] ?? "base64");
    }
}
