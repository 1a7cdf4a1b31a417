using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>Creates Bot Connector style JWTs for tests.</summary>
internal static class TestTokens
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Issuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>An RS256 token; every field can be bent for negative cases.</summary>
    public static string Create(
        TestSigningKey key,
        string? audience = AppId,
        string issuer = Issuer,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string? serviceUrl = ServiceUrl,
        string serviceUrlClaim = "serviceurl",
        RSA? signWith = null,
        string? kid = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null) claims[serviceUrlClaim] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? key.Rsa) { KeyId = kid ?? key.Kid }, SecurityAlgorithms.RsaSha256),
        };
        return Handler.CreateToken(descriptor);
    }

    public static string CreateHs256(string kid)
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid };
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (alg "none") with otherwise valid claims.</summary>
    public static string CreateUnsigned(string kid)
    {
        var now = DateTimeOffset.UtcNow;
        var header = JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid });
        var payload = JsonSerializer.Serialize(new
        {
            iss = Issuer,
            aud = AppId,
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
            serviceurl = ServiceUrl,
        });
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.";
    }
}
