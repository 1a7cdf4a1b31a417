using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Auth;

/// <summary>
/// Development stand-in for Teams SSO: the request names a demo user with X-Dev-User (id or e-mail). Registered
/// only when the host environment is Development (Program.cs); no setting can switch it on elsewhere (R-SEC-3).
/// </summary>
public sealed class DevUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffRepository staff)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = Request.Headers[AuthSchemes.DevUserHeader].ToString();
        if (string.IsNullOrWhiteSpace(name)) return AuthenticateResult.NoResult();
        var user = await staff.FindByIdOrEmailAsync(name.Trim(), Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail($"Unbekannter Demo-Benutzer „{name}“.");
        return AuthenticateResult.Success(new AuthenticationTicket(CurrentUser.ToPrincipal(user, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "not_authenticated",
            $"Nicht angemeldet: Bitte einen Demo-Benutzer im Header {AuthSchemes.DevUserHeader} angeben (Liste: /api/dev/users).");
}
