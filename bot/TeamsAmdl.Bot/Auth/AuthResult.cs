using System.Security.Claims;

namespace TeamsAmdl.Bot;

/// <summary>
/// Outcome of <see cref="BotAuthenticator.AuthenticateAsync"/>. <see cref="Status"/> is the HTTP status to answer
/// with when rejected: 401 when there is no valid Bot Connector token, 403 when a valid token does not cover the
/// activity (endorsement, channel, serviceUrl, tenant), 503 when the signing keys could not be loaded.
/// </summary>
public sealed class AuthResult
{
    private AuthResult(bool succeeded, int status, AuthFailure failure, string? reason, ClaimsIdentity? identity)
    {
        Succeeded = succeeded;
        Status = status;
        Failure = failure;
        Reason = reason;
        Identity = identity;
    }

    public bool Succeeded { get; }

    /// <summary>200 on success, otherwise 401, 403 or 503.</summary>
    public int Status { get; }

    public AuthFailure Failure { get; }

    /// <summary>German explanation for logs; null on success. Never contains the token.</summary>
    public string? Reason { get; }

    /// <summary>Claims of the validated token; null when rejected.</summary>
    public ClaimsIdentity? Identity { get; }

    public static AuthResult Success(ClaimsIdentity identity) => new(true, 200, AuthFailure.None, null, identity);

    public static AuthResult Unauthorized(AuthFailure failure, string reason) => new(false, 401, failure, reason, null);

    public static AuthResult Forbidden(AuthFailure failure, string reason) => new(false, 403, failure, reason, null);

    public static AuthResult Unavailable(string reason) => new(false, 503, AuthFailure.MetadataUnavailable, reason, null);

    public override string ToString() => Succeeded ? "Authentifiziert" : $"{Status} {Failure}: {Reason}";
}
