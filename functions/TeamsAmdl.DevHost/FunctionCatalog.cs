using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.DevHost;

/// <summary>
/// The functions of an assembly, read from the same attributes the Functions SDK turns into functions.metadata:
/// <c>[Function]</c> on a method and the trigger attribute on one of its parameters.
/// </summary>
public sealed class FunctionCatalog
{
    public IReadOnlyList<HttpFunction> Http { get; }
    public IReadOnlyList<TimerFunction> Timers { get; }
    public IReadOnlyList<QueueFunction> Queues { get; }

    /// <param name="disabled">Functions switched off as the host does with the app setting AzureWebJobs.&lt;name&gt;.Disabled.</param>
    public FunctionCatalog(Assembly assembly, Func<string, bool>? disabled = null)
    {
        List<HttpFunction> http = [];
        List<TimerFunction> timers = [];
        List<QueueFunction> queues = [];
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function || disabled?.Invoke(function.Name) == true) continue;
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } h)
                    http.Add(new HttpFunction(function.Name, method, (h.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray(),
                        h.Route ?? function.Name));
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } t)
                    timers.Add(new TimerFunction(function.Name, method, t.Schedule, t.RunOnStartup));
                else if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } q)
                    queues.Add(new QueueFunction(function.Name, method, q.QueueName, parameter));
            }
        }
        Http = http.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        Timers = timers.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        Queues = queues.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

    public IEnumerable<FunctionEntry> All => Http.Cast<FunctionEntry>().Concat(Timers).Concat(Queues);
}
