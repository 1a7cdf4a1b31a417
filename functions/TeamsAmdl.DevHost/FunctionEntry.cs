using System.Reflection;

namespace TeamsAmdl.DevHost;

/// <summary>A function as the dev host runs it: its name, its method, and its trigger's data (one record per trigger kind).</summary>
public abstract record FunctionEntry(string Name, MethodInfo Method)
{
    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";
}

public sealed record HttpFunction(string Name, MethodInfo Method, string[] Methods, string Route) : FunctionEntry(Name, Method);

public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule, bool RunOnStartup) : FunctionEntry(Name, Method);

public sealed record QueueFunction(string Name, MethodInfo Method, string QueueName, ParameterInfo Trigger) : FunctionEntry(Name, Method);
