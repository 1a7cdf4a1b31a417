using Microsoft.AspNetCore.Http.Features;
using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// POST /api/messages, the bot's messaging endpoint: parse (400, nothing processed), authenticate with the Bot
/// Connector token (401/403/503, nothing processed), then <see cref="BotActivityRouter"/>.
/// </summary>
public static class BotEndpoints
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Teams activities are a few KB; the cap keeps unauthenticated callers from making us buffer megabytes.</summary>
    public const long MaxActivityBytes = 512 * 1024;

    public static void MapBotEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost(MessagesPath, async (HttpContext http, BotAuthenticatorProvider authProvider, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var log = loggers.CreateLogger(typeof(BotEndpoints));
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxActivityBytes;
            if (http.Request.ContentLength > MaxActivityBytes)
                return ProblemResponses.Problem(413, "activity_too_large", $"{BotTexts.InvalidActivity}: größer als {MaxActivityBytes / 1024} KB.");

            Activity? activity;
            string? error;
            try
            {
                (activity, error) = await ActivitySerializer.ParseAsync(http.Request.Body, ct);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == 413)
            {
                return ProblemResponses.Problem(413, "activity_too_large", $"{BotTexts.InvalidActivity}: größer als {MaxActivityBytes / 1024} KB.");
            }
            if (activity is null)
            {
                log.LogWarning("Rejected bot request: {Error}", error);
                return ProblemResponses.Problem(400, "invalid_activity", $"{BotTexts.InvalidActivity}: {error}");
            }

            var authenticator = authProvider.Get();
            if (authenticator is null)
                return ProblemResponses.Problem(503, "bot_not_configured", BotTexts.NotConfigured);
            var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, ct);
            if (!auth.Succeeded)
            {
                log.LogWarning("Rejected bot request ({Type}, channel {ChannelId}): {Result}", activity.Type, activity.ChannelId, auth);
                return auth.Status switch
                {
                    401 => ProblemResponses.Problem(401, "bot_not_authenticated", BotTexts.NotAuthenticated),
                    403 => ProblemResponses.Problem(403, "bot_forbidden", BotTexts.Forbidden),
                    _ => ProblemResponses.Problem(auth.Status, "bot_auth_unavailable", BotTexts.AuthUnavailable),
                };
            }

            // Resolved only now: constructing the connector needs configuration an unauthenticated request must not reach.
            var router = http.RequestServices.GetRequiredService<BotActivityRouter>();
            return await router.RouteAsync(activity, http.TraceIdentifier, ct);
        }).AllowAnonymous();
}
