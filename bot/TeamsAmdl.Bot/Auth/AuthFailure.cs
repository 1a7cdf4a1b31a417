namespace TeamsAmdl.Bot;

/// <summary>Why <see cref="BotAuthenticator"/> rejected a request.</summary>
public enum AuthFailure
{
    None = 0,
    // 401: no or no acceptable token.
    MissingHeader,
    MalformedHeader,
    MalformedToken,
    UnsupportedAlgorithm,
    UnknownSigningKey,
    InvalidSignature,
    InvalidIssuer,
    InvalidAudience,
    Expired,
    NotYetValid,
    InvalidToken,
    // 403: a valid token that does not cover this activity.
    MissingEndorsement,
    ChannelNotAllowed,
    ServiceUrlMismatch,
    TenantNotAllowed,
    // 503: signing keys could not be loaded.
    MetadataUnavailable,
}
