using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.DevHost;

/// <summary>
/// Runs one invocation as the worker does: a service scope, the function middleware of
/// <see cref="WorkerPipeline.Middleware"/> in order, then a new instance of the function class (constructor
/// injection) and the method with its bound arguments. Returns what the method returned (awaited).
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    /// <param name="bind">Value of a parameter that is neither FunctionContext nor CancellationToken (trigger data, route values).</param>
    public async Task<object?> InvokeAsync(FunctionEntry function, IDictionary<object, object> items,
        Func<ParameterInfo, object?> bind, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new DevFunctionContext(function, scope.ServiceProvider, ct);
        foreach (var (key, value) in items) context.Items[key] = value;

        object? result = null;
        FunctionExecutionDelegate next = async c =>
        {
            var method = function.Method;
            var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(c.InstanceServices, method.DeclaringType!);
            var args = method.GetParameters().Select(p =>
                p.ParameterType == typeof(FunctionContext) ? c
                : p.ParameterType == typeof(CancellationToken) ? ct
                : bind(p)).ToArray();
            result = await Awaited(method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, CultureInfo.InvariantCulture), method.ReturnType);
        };
        foreach (var type in WorkerPipeline.Middleware.Reverse())
        {
            var inner = next;
            var middleware = (IFunctionsWorkerMiddleware)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
            next = c => middleware.Invoke(c, inner);
        }
        await next(context);
        return result;
    }

    /// <summary>Converts a route or query string to the parameter's type, as the worker's binding does for simple types.</summary>
    public static object? Convert(string? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null) return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        return target == typeof(string) ? value : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private static async Task<object?> Awaited(object? returned, Type declared)
    {
        switch (returned)
        {
            case Task task:
                await task;
                // By the declared type: an async Task method's runtime task is a Task<VoidTaskResult>.
                return declared.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }
}
