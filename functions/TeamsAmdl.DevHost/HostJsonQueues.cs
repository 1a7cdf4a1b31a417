using System.Text.Json.Nodes;

namespace TeamsAmdl.DevHost;

/// <summary>
/// host.json's extensions.queues, read from the Functions app's host.json (copied next to the assemblies), so the
/// dev host polls with the settings the Functions host uses. Defaults are the host's.
/// </summary>
public sealed record HostJsonQueues(int BatchSize, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, string MessageEncoding)
{
    /// <summary>
    /// Reads host.json; an app setting AzureFunctionsJobHost:extensions:queues:&lt;name&gt; (environment
    /// AzureFunctionsJobHost__extensions__queues__&lt;name&gt;) overrides a value, as it does for the Functions host.
    /// </summary>
    public static HostJsonQueues Load(string path, IConfiguration config)
    {
        var queues = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["queues"] : null;
        string? Value(string name) => config[$"AzureFunctionsJobHost:extensions:queues:{name}"] ?? (string?)queues?[name]?.ToString();
        return new HostJsonQueues(
            int.Parse(Value("batchSize") ?? "16", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("maxDequeueCount") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.Parse(Value("visibilityTimeout") ?? "00:00:00", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.Parse(Value("maxPollingInterval") ?? "00:01:00", System.Globalization.CultureInfo.InvariantCulture),
            Value("messageEncoding") ?? "base64");
    }
}
