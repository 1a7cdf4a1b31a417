using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>An RSA signing key as the Bot Framework JWKS lists it: kid, endorsements.</summary>
internal sealed class TestSigningKey(string kid, params string[] endorsements)
{
    public string Kid { get; } = kid;
    public string[] Endorsements { get; } = endorsements;
    public RSA Rsa { get; } = RSA.Create(2048);

    public object ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = Kid,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
            endorsements = Endorsements,
        };
    }
}
