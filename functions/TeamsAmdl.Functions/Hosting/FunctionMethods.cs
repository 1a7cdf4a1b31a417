using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>The method behind a function (its entry point "Namespace.Type.Method"), to read its attributes.</summary>
public static class FunctionMethods
{
    private static readonly ConcurrentDictionary<string, MethodInfo> Cache = new();

    public static MethodInfo Of(FunctionDefinition definition) => Cache.GetOrAdd(definition.EntryPoint, static entryPoint =>
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionMethods).Assembly.GetType(entryPoint[..dot], throwOnError: true)!;
        return type.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
               ?? throw new InvalidOperationException($"Function entry point {entryPoint} not found.");
    });
}
