using TeamsAmdl.Functions;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.DevHost;

/// <summary>
/// What the Functions host answers itself, the dev host answers in German problem JSON (issue 12): 404 for an unknown
/// address, 405 for a known one with the wrong method, any other empty error status; and an exception that escapes
/// the function middleware (result execution, routing) is logged and answered 500 with the request's trace id, never
/// with the developer exception page.
/// </summary>
public static class HttpProblems
{
    public static void UseGermanProblems(this WebApplication app)
    {
        app.Use(async (HttpContext http, RequestDelegate next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsAmdl.DevHost")
                    .LogError(e, "Unhandled exception for {Method} {Path}, correlation id {CorrelationId}", http.Request.Method, http.Request.Path,
                        http.TraceIdentifier);
                if (http.Response.HasStarted) throw;
                http.Response.Clear();
                await ProblemResponses.WriteAsync(http, StatusCodes.Status500InternalServerError, "internal_error",
                    BoundaryTexts.InternalError(http.TraceIdentifier));
            }
        });
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            return status switch
            {
                404 => ProblemResponses.WriteAsync(http, status, "not_found", BoundaryTexts.NotFound),
                405 => ProblemResponses.WriteAsync(http, status, "method_not_allowed", BoundaryTexts.MethodNotAllowed(http.Request.Method)),
                _ => ProblemResponses.WriteAsync(http, status, "http_" + status, BoundaryTexts.OtherStatus(status)),
            };
        });
        // Routing after both: without this call WebApplication puts routing first, outside the exception handler above.
        app.UseRouting();
    }
}
