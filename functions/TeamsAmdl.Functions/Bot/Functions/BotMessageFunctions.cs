using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Playground;

namespace TeamsAmdl.Functions.Bot.Functions;

/// <summary>
/// POST api/messages, the bot's messaging endpoint: parse (400, nothing processed), authenticate with the Bot
/// Connector token (401/403/503, nothing processed), then <see cref="BotActivityRouter"/>. Anonymous for
/// <see cref="Hosting.CallerMiddleware"/>: the Bot Connector's JWT is checked here.
/// </summary>
/// <param name="router">
/// Lazy: constructing it (and the connector behind it) needs configuration an unauthenticated request must not reach
/// (outside Development without Bot:AppId it throws; the answer then must be 503, not 500).
/// </param>
public sealed class BotMessageFunctions(BotAuthenticatorProvider authProvider, Lazy<BotActivityRouter> router, PlaygroundGate playground,
    ILogger<BotMessageFunctions> log)
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Teams activities are a few KB; the cap keeps unauthenticated callers from making us buffer megabytes.</summary>
    public const long MaxActivityBytes = 512 * 1024;

    [Function("messages"), MaxBody(MaxActivityBytes), AllowAnonymous]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/messages")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (req.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxActivityBytes;
        if (req.ContentLength > MaxActivityBytes)
            return TooLarge();

        Activity? activity;
        string? error;
        try
        {
            (activity, error) = await ActivitySerializer.ParseAsync(req.Body, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return TooLarge();
        }
        if (activity is null)
        {
            log.LogWarning("Rejected bot request: {Error}", error);
            return ProblemResponses.Problem(400, "invalid_activity", $"{BotTexts.InvalidActivity}: {error}");
        }

        // Development's Agents Playground sends no token (Playground/README.md); off by default, never outside Development.
        switch (playground.Admit(req.Headers, activity))
        {
            case PlaygroundAdmission.Admitted:
                return await router.Value.RouteAsync(activity, req.HttpContext.TraceIdentifier, cancellationToken);
            case PlaygroundAdmission.Refused:
                return ProblemResponses.Problem(403, "playground_refused", PlaygroundTexts.Refused);
        }

        var authenticator = authProvider.Get();
        if (authenticator is null)
            return ProblemResponses.Problem(503, "bot_not_configured", BotTexts.NotConfigured);
        var auth = await authenticator.AuthenticateAsync(req.Headers.Authorization.ToString(), activity, cancellationToken);
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
        return await router.Value.RouteAsync(activity, req.HttpContext.TraceIdentifier, cancellationToken);
    }

    private static IResult TooLarge() =>
        ProblemResponses.Problem(413, "activity_too_large", $"{BotTexts.InvalidActivity}: größer als {MaxActivityBytes / 1024} KB.");
}
