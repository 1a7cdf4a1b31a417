using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.DevHost;

/// <summary>
/// Maps every HTTP-triggered function to its route and methods (host.json's routePrefix is "", so the attribute's
/// route is the whole path). Parameters bind as in the worker: the trigger's HttpRequest, route values by name,
/// FunctionContext, CancellationToken. An IResult or IActionResult return value is executed like the worker's
/// ASP.NET Core integration does (FunctionsHttpProxyingMiddleware).
/// </summary>
public static class HttpTriggerRoutes
{
    public static void MapFunctions(this WebApplication app, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Http)
        {
            app.MapMethods("/" + function.Route.TrimStart('/'), function.Methods, async (HttpContext http) =>
            {
                var invoker = http.RequestServices.GetRequiredService<FunctionInvoker>();
                var result = await invoker.InvokeAsync(function, new Dictionary<object, object> { [DevFunctionContext.HttpContextKey] = http },
                    p => p.ParameterType == typeof(HttpRequest) ? http.Request
                        : FunctionInvoker.Convert(http.Request.RouteValues.TryGetValue(p.Name!, out var v) ? v?.ToString() : null, p.ParameterType),
                    http.RequestAborted);
                switch (result)
                {
                    case IActionResult action:
                        await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                        break;
                    case IResult r:
                        await r.ExecuteAsync(http);
                        break;
                }
            }).WithDisplayName(function.Name).WithMetadata(function);
        }
    }
}
