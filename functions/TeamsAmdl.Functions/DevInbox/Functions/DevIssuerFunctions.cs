using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.DevInbox.Functions;

/// <summary>
/// The dev issuer (<see cref="DevIssuer"/>) over HTTP: OpenID metadata and JWKS for the app's own BotAuthenticator,
/// and tokens for the inbox page. Development with Bot:DevStandIns only.
/// </summary>
public sealed class DevIssuerFunctions(DevIssuer issuer, IOptions<BotOptions> options, TimeProvider time, IHostEnvironment env, IConfiguration config)
{
    /// <summary>GET dev/botframework/.well-known/openidconfiguration (<see cref="DevIssuer.MetadataPath"/>).</summary>
    [Function("dev-bot-metadata"), AllowAnonymous, DevelopmentOnly]
    public IResult Metadata(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/botframework/.well-known/openidconfiguration")] HttpRequest req) =>
        DevInboxSetup.Unavailable(env, config) ?? Results.Json(issuer.Metadata(DevUrls.Base(req)));

    /// <summary>GET dev/botframework/.well-known/keys (<see cref="DevIssuer.KeysPath"/>).</summary>
    [Function("dev-bot-keys"), AllowAnonymous, DevelopmentOnly]
    public IResult Keys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/botframework/.well-known/keys")] HttpRequest req) =>
        DevInboxSetup.Unavailable(env, config) ?? Results.Json(issuer.Jwks());

    /// <summary>POST dev/token [{serviceUrl}] (<see cref="DevIssuer.TokenPath"/>): a Bot Connector-style token, by default for the dev connector.</summary>
    [Function("dev-bot-token"), AllowAnonymous, DevelopmentOnly]
    public async Task<IResult> Token(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/token")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (DevInboxSetup.Unavailable(env, config) is { } off) return off;
        var serviceUrl = DevUrls.Connector(req);
        var body = await JsonBody.ReadAsync<JsonObject>(req, cancellationToken, optional: true);
        if (body.Problem is { } problem) return problem;
        if (body.Value?["serviceUrl"] is JsonValue v && v.GetValueKind() == JsonValueKind.String) serviceUrl = (string)v!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            return ProblemResponses.Problem(400, "invalid_service_url", $"„{serviceUrl}“ ist keine absolute http(s)-URL.");
        return Results.Json(new
        {
            token_type = "Bearer",
            expires_in = (int)DevIssuer.TokenLifetime.TotalSeconds,
            access_token = issuer.CreateToken(options.Value.EffectiveAppId, serviceUrl, time.GetUtcNow()),
        });
    }
}
