using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Auth;

public sealed class EntraOptions : AuthenticationSchemeOptions
{
    /// <summary>OpenID metadata of the tenant, e.g. https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration.</summary>
    public string? MetadataUrl { get; set; }
    /// <summary>The app registration's application id URI or client id (Teams SSO: api://{host}/{clientId}).</summary>
    public string? Audience { get; set; }
    /// <summary>The tenant id; tokens of other tenants are refused.</summary>
    public string? TenantId { get; set; }
}

/// <summary>
/// Validates Entra ID bearer tokens (RS256, issuer of the configured tenant, audience, lifetime with 5 min skew)
/// and resolves the caller to a staff member by the token's oid claim.
/// </summary>
public sealed class EntraAuthenticationHandler(
    IOptionsMonitor<EntraOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffRepository staff)
    : AuthenticationHandler<EntraOptions>(options, logger, encoder)
{
    private static readonly Dictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> Managers = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (string.IsNullOrEmpty(Options.MetadataUrl) || string.IsNullOrEmpty(Options.Audience) || string.IsNullOrEmpty(Options.TenantId))
            return AuthenticateResult.Fail("Auth:MetadataUrl, Auth:Audience and Auth:TenantId are not configured.");

        var config = await ManagerFor(Options.MetadataUrl).GetConfigurationAsync(Context.RequestAborted);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuers = [config.Issuer.Replace("{tenantid}", Options.TenantId, StringComparison.OrdinalIgnoreCase)],
            ValidAudience = Options.Audience,
            IssuerSigningKeys = config.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        });
        if (!result.IsValid) return AuthenticateResult.Fail(result.Exception?.Message ?? "invalid token");
        if (!string.Equals(Claim(result, "tid"), Options.TenantId, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("token of another tenant");
        var oid = Claim(result, "oid");
        var user = oid is null ? null : await staff.FindByAadObjectIdAsync(oid, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("no staff member for this account");
        return AuthenticateResult.Success(new AuthenticationTicket(CurrentUser.ToPrincipal(user, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "not_authenticated",
            "Nicht angemeldet oder Anmeldung ungültig. Bitte die App in Microsoft Teams öffnen.");

    private static string? Claim(TokenValidationResult r, string name) => r.Claims.TryGetValue(name, out var v) ? v?.ToString() : null;

    private static ConfigurationManager<OpenIdConnectConfiguration> ManagerFor(string url)
    {
        lock (Managers)
        {
            if (!Managers.TryGetValue(url, out var m))
                Managers[url] = m = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(),
                    new HttpDocumentRetriever { RequireHttps = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) });
            return m;
        }
    }
}
