using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.DevInbox;

/// <summary>
/// Development stand-in for login.botframework.com and the Bot Connector's token signing: an RSA key made at
/// start (never stored), OpenID metadata and a JWKS whose key is endorsed for "msteams", and Bot Connector-style
/// tokens (iss https://api.botframework.com, aud = bot app id, serviceurl claim). The app's BotAuthenticator
/// fetches this metadata over HTTP like the real one, so the real authentication path runs locally too.
/// </summary>
public sealed class DevIssuer : IDisposable
{
    public const string MetadataPath = "/dev/botframework/.well-known/openidconfiguration";
    public const string KeysPath = "/dev/botframework/.well-known/keys";
    public const string TokenPath = "/dev/token";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public Dictionary<string, object> Metadata(string baseUrl) => new()
    {
        ["issuer"] = BotAuthenticator.BotFrameworkIssuer,
        ["authorization_endpoint"] = baseUrl + TokenPath,
        ["jwks_uri"] = baseUrl + KeysPath,
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    public object Jwks()
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = KeyId,
                    n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = new[] { "msteams" },
                },
            },
        };
    }

    /// <summary>A token as the Bot Connector sends it with an activity for <paramref name="serviceUrl"/>.</summary>
    public string CreateToken(string appId, string serviceUrl, DateTimeOffset now) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = BotAuthenticator.BotFrameworkIssuer,
        Audience = appId,
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime.AddMinutes(-1),
        Expires = (now + TokenLifetime).UtcDateTime,
        Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = "dev-connector" },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
    });

    public void Dispose() => _rsa.Dispose();
}
