using Microsoft.Azure.Functions.Worker;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// The function middleware, in order. Program.cs registers them with the worker; the dev host runs the same list
/// around each invocation, so both hosts authenticate and refuse alike.
/// </summary>
public static class WorkerPipeline
{
    public static readonly Type[] Middleware = [typeof(ErrorBoundaryMiddleware), typeof(CallerMiddleware), typeof(BodyLimitMiddleware)];

    public static IFunctionsWorkerApplicationBuilder UseTeamsAmdlMiddleware(this IFunctionsWorkerApplicationBuilder app)
    {
        app.UseMiddleware<ErrorBoundaryMiddleware>();
        app.UseMiddleware<CallerMiddleware>();
        app.UseMiddleware<BodyLimitMiddleware>();
        return app;
    }
}
