using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TeamsAmdl.Bot;

/// <summary>
/// Validates the bearer token the Bot Connector sends with every activity ("connector to bot" authentication):
/// RS256 signature by a key from the OpenID metadata's JWKS, issuer https://api.botframework.com, audience = app id,
/// lifetime with 5 minutes clock skew, the signing key endorsed for the activity's channelId, and the token's
/// serviceurl claim equal to the activity's serviceUrl. Never throws for bad tokens. Thread-safe; keep one
/// instance (singleton) so the metadata cache is shared.
/// </summary>
public sealed class BotAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A refresh on an unknown key id happens at most this often.</summary>
    public static readonly TimeSpan MetadataRefreshInterval = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    private readonly BotAuthOptions _options;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly TimeProvider _time;

    /// <param name="httpClient">Client for metadata and keys; null uses IdentityModel's default client.</param>
    /// <param name="timeProvider">Clock for the lifetime check; null uses the system clock.</param>
    public BotAuthenticator(BotAuthOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
        : this(options, CreateConfigurationManager(options, httpClient), timeProvider)
    {
    }

    /// <summary>Uses the given metadata source (e.g. one shared with other components).</summary>
    public BotAuthenticator(BotAuthOptions options, IConfigurationManager<OpenIdConnectConfiguration> metadata, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadata);
        if (string.IsNullOrWhiteSpace(options.AppId))
            throw new ArgumentException("BotAuthOptions.AppId muss gesetzt sein.", nameof(options));
        _options = options;
        _metadata = metadata;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Authenticates a request carrying <paramref name="activity"/>. Parse the body first (channelId and
    /// serviceUrl are part of the check), then call this before acting on the activity.
    /// </summary>
    /// <param name="authorizationHeader">The raw Authorization header value, e.g. "Bearer eyJ…".</param>
    public async Task<AuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);

        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return AuthResult.Unauthorized(AuthFailure.MissingHeader, "Authorization-Header fehlt.");
        var raw = ExtractBearerToken(authorizationHeader);
        if (raw is null)
            return AuthResult.Unauthorized(AuthFailure.MalformedHeader, "Authorization-Header hat nicht die Form 'Bearer <JWT>'.");

        JsonWebToken token;
        try
        {
            token = Handler.ReadJsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return AuthResult.Unauthorized(AuthFailure.MalformedToken, "Token ist kein lesbares JWT.");
        }
        if (token.IsEncrypted)
            return AuthResult.Unauthorized(AuthFailure.MalformedToken, "Verschlüsselte Token (JWE) werden nicht akzeptiert.");
        if (!string.Equals(token.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
            return AuthResult.Unauthorized(AuthFailure.UnsupportedAlgorithm, $"Signaturalgorithmus '{token.Alg}' nicht erlaubt, nur RS256.");
        if (string.IsNullOrEmpty(token.Kid))
            return AuthResult.Unauthorized(AuthFailure.UnknownSigningKey, "Token nennt keinen Schlüssel (kid).");

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return AuthResult.Unavailable($"OpenID-Metadaten nicht abrufbar: {ex.Message}");
        }

        var jsonWebKey = FindKey(configuration, token.Kid);
        if (jsonWebKey is null)
        {
            // Keys may have rotated: ask for fresh metadata. The configuration manager allows this at most once per
            // RefreshInterval (5 min) and loads in the background, so the connector's retry of this request sees new keys.
            _metadata.RequestRefresh();
            return AuthResult.Unauthorized(AuthFailure.UnknownSigningKey, $"Unbekannte Schlüssel-ID '{token.Kid}'; Aktualisierung der Schlüssel angefordert.");
        }

        var validation = await Handler.ValidateTokenAsync(token, CreateValidationParameters(configuration)).ConfigureAwait(false);
        if (!validation.IsValid)
            return MapValidationFailure(validation.Exception);

        var lifetimeFailure = CheckLifetime(token);
        if (lifetimeFailure is not null)
            return lifetimeFailure;

        var channelId = activity.ChannelId;
        if (string.IsNullOrWhiteSpace(channelId))
            return AuthResult.Forbidden(AuthFailure.MissingEndorsement, "Activity ohne channelId; Endorsement nicht prüfbar.");
        if (_options.AllowedChannels is { Count: > 0 } allowed && !allowed.Contains(channelId, StringComparer.Ordinal))
            return AuthResult.Forbidden(AuthFailure.ChannelNotAllowed, $"Kanal '{channelId}' ist nicht zugelassen.");
        if (!ReadEndorsements(jsonWebKey).Contains(channelId, StringComparer.Ordinal))
            return AuthResult.Forbidden(AuthFailure.MissingEndorsement, $"Signaturschlüssel '{token.Kid}' ist nicht für Kanal '{channelId}' bestätigt (endorsements).");

        var serviceUrlClaim = ReadServiceUrlClaim(token);
        if (string.IsNullOrEmpty(serviceUrlClaim))
            return AuthResult.Forbidden(AuthFailure.ServiceUrlMismatch, "Token enthält keinen serviceUrl-Claim.");
        if (!string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.Ordinal))
            return AuthResult.Forbidden(AuthFailure.ServiceUrlMismatch, $"serviceUrl der Activity ('{activity.ServiceUrl}') stimmt nicht mit dem Token ('{serviceUrlClaim}') überein.");

        if (!string.IsNullOrWhiteSpace(_options.TenantId))
        {
            var tenant = ReadTenantId(activity);
            if (!string.Equals(tenant, _options.TenantId, StringComparison.OrdinalIgnoreCase))
                return AuthResult.Forbidden(AuthFailure.TenantNotAllowed, $"Mandant '{tenant ?? "(keiner)"}' ist nicht zugelassen.");
        }

        return AuthResult.Success(validation.ClaimsIdentity);
    }

    private TokenValidationParameters CreateValidationParameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = BotFrameworkIssuer,
        ValidAudience = _options.AppId,
        ValidateIssuer = true,
        ValidateAudience = true,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        // Lifetime is checked by CheckLifetime against the injectable TimeProvider (same 5 min skew);
        // IdentityModel's own check would always use the system clock.
        ValidateLifetime = false,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
    };

    private AuthResult? CheckLifetime(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
            return AuthResult.Unauthorized(AuthFailure.Expired, "Token ohne Ablaufzeit (exp).");
        var now = _time.GetUtcNow().UtcDateTime;
        if (token.ValidTo.Add(ClockSkew) < now)
            return AuthResult.Unauthorized(AuthFailure.Expired, $"Token abgelaufen am {token.ValidTo:O}.");
        if (token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _) && token.ValidFrom.Subtract(ClockSkew) > now)
            return AuthResult.Unauthorized(AuthFailure.NotYetValid, $"Token erst gültig ab {token.ValidFrom:O}.");
        return null;
    }

    private static AuthResult MapValidationFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => AuthResult.Unauthorized(AuthFailure.InvalidAudience, "Token ist nicht für diesen Bot ausgestellt (aud)."),
        SecurityTokenInvalidIssuerException => AuthResult.Unauthorized(AuthFailure.InvalidIssuer, $"Aussteller (iss) ist nicht {BotFrameworkIssuer}."),
        SecurityTokenSignatureKeyNotFoundException => AuthResult.Unauthorized(AuthFailure.UnknownSigningKey, "Signaturschlüssel nicht gefunden."),
        SecurityTokenInvalidAlgorithmException => AuthResult.Unauthorized(AuthFailure.UnsupportedAlgorithm, "Signaturalgorithmus nicht erlaubt, nur RS256."),
        SecurityTokenInvalidSignatureException => AuthResult.Unauthorized(AuthFailure.InvalidSignature, "Signatur ungültig."),
        SecurityTokenMalformedException => AuthResult.Unauthorized(AuthFailure.MalformedToken, "Token ist kein lesbares JWT."),
        _ => AuthResult.Unauthorized(AuthFailure.InvalidToken, $"Token ungültig ({exception?.GetType().Name ?? "unbekannter Grund"})."),
    };

    internal static string? ExtractBearerToken(string header)
    {
        const string scheme = "Bearer ";
        var value = header.Trim();
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var token = value[scheme.Length..].Trim();
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) ? null : token;
    }

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    /// <summary>The non-standard "endorsements" member of a Bot Framework JWKS entry (channel ids the key may sign for).</summary>
    internal static IReadOnlyList<string> ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
            return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            string single => [single],
            IEnumerable<object> items => items.OfType<string>().ToList(),
            _ => [],
        };
    }

    private static string? ReadServiceUrlClaim(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("serviceurl", out var lower) ? lower
        : token.TryGetPayloadValue<string>("serviceUrl", out var camel) ? camel
        : null;

    private static string? ReadTenantId(Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId))
            return activity.Conversation.TenantId;
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            return id.GetString();
        return null;
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateConfigurationManager(BotAuthOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
            throw new ArgumentException($"BotAuthOptions.OpenIdMetadataUrl ist keine absolute URL: '{options.OpenIdMetadataUrl}'.", nameof(options));
        var retriever = httpClient is null ? new HttpDocumentRetriever() : new HttpDocumentRetriever(httpClient);
        retriever.RequireHttps = options.RequireHttpsMetadata;
        return new ConfigurationManager<OpenIdConnectConfiguration>(options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            RefreshInterval = MetadataRefreshInterval,
        };
    }
}
