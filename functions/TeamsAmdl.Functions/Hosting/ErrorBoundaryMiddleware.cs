using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// The outermost function middleware for HTTP triggers, in both hosts (issue 12): an exception escaping a function
/// (or the middleware after this one) is logged with the invocation id and answered 500 with a German problem naming
/// that id. No stack trace and no type name leaves the app, in any environment.
/// </summary>
public sealed class ErrorBoundaryMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            context.GetLogger<ErrorBoundaryMiddleware>().LogError(e, "Unhandled exception in {Function}, correlation id {CorrelationId}",
                context.FunctionDefinition.Name, context.InvocationId);
            if (http.Response.HasStarted) throw; // too late for a problem body: the host ends the response
            http.Response.Clear();
            await ProblemResponses.WriteAsync(http, StatusCodes.Status500InternalServerError, "internal_error",
                BoundaryTexts.InternalError(context.InvocationId));
        }
    }
}
