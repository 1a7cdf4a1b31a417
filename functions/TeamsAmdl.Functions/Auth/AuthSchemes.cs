namespace TeamsAmdl.Functions.Auth;

public static class AuthSchemes
{
    /// <summary>Development only: the caller names a demo user in the X-Dev-User header (id or e-mail).</summary>
    public const string DevUser = "DevUser";
    /// <summary>Everywhere else: an Entra ID access token (Teams SSO), validated against the tenant's OpenID metadata.</summary>
    public const string Entra = "Entra";
    public const string DevUserHeader = "X-Dev-User";
    /// <summary>Claim carrying the staff id the caller was resolved to.</summary>
    public const string StaffIdClaim = "teamsamdl/staff_id";
    /// <summary>Present (value "true") when the staff member is deactivated: authenticated, but refused with 403.</summary>
    public const string DeactivatedClaim = "teamsamdl/deactivated";
}
