using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// The outermost function middleware for HTTP triggers, in both hosts (issue 12):
/// <list type="bullet">
/// <item>Body size: more than the function's <see cref="MaxBodyAttribute"/> (or the default) is a German 413 before
/// anything runs. A body without Content-Length is buffered up to the limit (one byte more decides), so a chunked
/// upload cannot get past it either.</item>
/// <item>An exception escaping a function is logged with the invocation id and answered 500 with a German problem
/// naming that id: no stack trace and no type name leaves the app, in any environment.</item>
/// </list>
/// </summary>
public sealed class BoundaryMiddleware : IFunctionsWorkerMiddleware
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
            var limit = FunctionMethods.Of(context.FunctionDefinition).GetCustomAttribute<MaxBodyAttribute>()?.Bytes ?? MaxBodyAttribute.Default;
            if (!await WithinLimitAsync(http.Request, limit, context.CancellationToken))
            {
                await ProblemResponses.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "body_too_large", BoundaryTexts.TooLarge(limit));
                return;
            }
            await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            context.GetLogger<BoundaryMiddleware>().LogError(e, "Unhandled exception in {Function}, correlation id {CorrelationId}",
                context.FunctionDefinition.Name, context.InvocationId);
            if (http.Response.HasStarted) throw; // too late for a problem body: the host ends the response
            http.Response.Clear();
            await ProblemResponses.WriteAsync(http, StatusCodes.Status500InternalServerError, "internal_error",
                BoundaryTexts.InternalError(context.InvocationId));
        }
    }

    private static async Task<bool> WithinLimitAsync(HttpRequest req, long limit, CancellationToken ct)
    {
        if (req.ContentLength is { } length) return length <= limit;
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await req.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return false;
        }
        buffer.Position = 0;
        req.Body = buffer;
        req.ContentLength = buffer.Length;
        return true;
    }
}
