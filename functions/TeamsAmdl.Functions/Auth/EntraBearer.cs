using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Auth;

/// <summary>Settings of Teams SSO (section "Auth").</summary>
public sealed class EntraOptions
{
    /// <summary>OpenID metadata of the tenant, e.g. https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration.</summary>
    public string? MetadataUrl { get; set; }
    /// <summary>The app registration's application id URI or client id (Teams SSO: api://{host}/{clientId}).</summary>
    public string? Audience { get; set; }
    /// <summary>The tenant id; tokens of other tenants are refused.</summary>
    public string? TenantId { get; set; }

    public bool IsComplete => !string.IsNullOrEmpty(MetadataUrl) && !string.IsNullOrEmpty(Audience) && !string.IsNullOrEmpty(TenantId);
}

/// <summary>
/// Entra ID bearer tokens (Teams SSO) on ASP.NET Core's JwtBearer handler: RS256 only, issuer of the configured tenant
/// (Entra v2.0), audience, lifetime with 5 min skew, tid = the tenant; the caller is then resolved to a staff member by
/// the token's oid. CallerMiddleware calls the scheme (the worker runs no authentication middleware); a refusal is a
/// German 401 problem.
/// </summary>
public static class EntraBearer
{
    public static void Configure(JwtBearerOptions o, EntraOptions entra)
    {
        o.MapInboundClaims = false; // keep "oid" and "tid" as Entra names them
        if (!entra.IsComplete)
        {
            // Without the settings no token can be valid: refuse every call cleanly instead of failing on empty metadata.
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = ctx => { ctx.Fail("Auth:MetadataUrl, Auth:Audience and Auth:TenantId are not configured."); return Task.CompletedTask; },
                OnChallenge = Challenge,
            };
            return;
        }
        o.MetadataAddress = entra.MetadataUrl!;
        o.RequireHttpsMetadata = entra.MetadataUrl!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = $"https://login.microsoftonline.com/{entra.TenantId}/v2.0",
            ValidAudience = entra.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        };
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = async ctx =>
            {
                var principal = ctx.Principal!;
                if (!string.Equals(principal.FindFirstValue("tid"), entra.TenantId, StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Fail("token of another tenant");
                    return;
                }
                var oid = principal.FindFirstValue("oid");
                var staff = ctx.HttpContext.RequestServices.GetRequiredService<StaffRepository>();
                var user = oid is null ? null : await staff.FindByAadObjectIdAsync(oid, ctx.HttpContext.RequestAborted);
                if (user is null)
                {
                    ctx.Fail("no staff member for this account");
                    return;
                }
                ctx.Principal = CurrentUser.ToPrincipal(user, AuthSchemes.Entra);
            },
            OnChallenge = Challenge,
        };
    }

    private static async Task Challenge(JwtBearerChallengeContext ctx)
    {
        ctx.HandleResponse();
        await ProblemResponses.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized, "not_authenticated",
            "Nicht angemeldet oder Anmeldung ungültig. Bitte die App in Microsoft Teams öffnen.");
    }
}
