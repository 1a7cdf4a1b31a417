using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Staffing;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// Who calls an HTTP function. The isolated worker's ASP.NET Core integration does not run ASP.NET Core's
/// authentication middleware (azure-functions-dotnet-worker #1725), so this middleware calls the registered scheme
/// itself (Entra bearer, or X-Dev-User in Development) and sets <c>HttpContext.User</c>. Functions are authenticated
/// unless marked <see cref="AllowAnonymousAttribute"/>; <see cref="DevelopmentOnlyAttribute"/> ones are 404 elsewhere.
/// Timer and queue triggers pass through.
/// </summary>
public sealed class CallerMiddleware(IHostEnvironment env) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        var method = FunctionMethods.Of(context.FunctionDefinition);
        if (method.IsDefined(typeof(DevelopmentOnlyAttribute)) && !env.IsDevelopment())
        {
            await ProblemResponses.WriteAsync(http, StatusCodes.Status404NotFound, "not_found", "Diese Adresse gibt es nicht.");
            return;
        }
        var result = await http.AuthenticateAsync();
        if (result.Succeeded)
        {
            http.User = result.Principal;
            // A leaver (deactivated by the Entra sync) is known, but may do nothing any more.
            if (result.Principal.HasClaim(AuthSchemes.DeactivatedClaim, "true") && !method.IsDefined(typeof(AllowAnonymousAttribute)))
            {
                await ProblemResponses.WriteAsync(http, StatusCodes.Status403Forbidden, "staff_deactivated", StaffTexts.Deactivated);
                return;
            }
        }
        else if (!method.IsDefined(typeof(AllowAnonymousAttribute)))
        {
            if (result.Failure is { } failure)
                context.GetLogger<CallerMiddleware>().LogInformation("Authentication failed for {Function}: {Reason}",
                    context.FunctionDefinition.Name, failure.Message);
            await http.ChallengeAsync(); // the scheme writes the German 401
            return;
        }
        await next(context);
    }
}
