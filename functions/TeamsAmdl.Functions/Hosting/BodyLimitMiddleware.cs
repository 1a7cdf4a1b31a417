using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// A request body larger than the function's <see cref="MaxBodyAttribute"/> (or the default) is a German 413 before the
/// function runs (issue 12: a 5 MB body reached a route that needs 50 bytes). After <see cref="CallerMiddleware"/>:
/// unauthenticated callers get their 401 without any body being read. A body without Content-Length is buffered up to
/// the limit (one byte more decides), so a chunked upload cannot get past it either.
/// </summary>
public sealed class BodyLimitMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            var limit = FunctionMethods.Of(context.FunctionDefinition).GetCustomAttribute<MaxBodyAttribute>()?.Bytes ?? MaxBodyAttribute.Default;
            if (!await WithinLimitAsync(http.Request, limit, context.CancellationToken))
            {
                await ProblemResponses.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "body_too_large", BoundaryTexts.TooLarge(limit));
                return;
            }
        }
        await next(context);
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
