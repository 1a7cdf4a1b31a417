using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>Where the digest can go and publishing it (R-INFO-3). Coordinators only (403 otherwise).</summary>
public sealed class DigestPublishFunctions(DigestPublisher publisher, StaffRepository staff, ConversationReferenceStore references,
    IOptions<BotOptions> bot, IOptions<DigestOptions> options, IHostEnvironment env, IConfiguration config, TimeProvider time)
{
    /// <summary>GET api/digest/targets: the channels with the bot, and how many IFK and Teamleitungen can be reached.</summary>
    [Function("digest-targets")]
    public async Task<IResult> Targets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/targets")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        var people = await staff.ListAsync(cancellationToken);
        var channels = new List<object>();
        if (CanSend())
        {
            foreach (var c in (await references.ListActiveChannelsAsync(bot.Value.EffectiveTenantId, cancellationToken)).OrderBy(ChannelPoster.DisplayName))
                channels.Add(new { id = c.Key, name = ChannelPoster.DisplayName(c), team = c.TeamName, channel = c.ChannelName });
        }
        return Results.Json(new
        {
            channels,
            ifk = people.Count(s => s.Has(StaffRole.Ifk) && !string.IsNullOrEmpty(s.AadObjectId)),
            teamleitung = people.Count(s => s.Has(StaffRole.Teamleitung) && !string.IsNullOrEmpty(s.AadObjectId)),
        });
    }

    /// <summary>
    /// POST api/digest/weeks/{week}/publish ({publishId, channels, ifk, teamleitung, confirmMissing, correction}): 202 with
    /// the publication's id and status URL at once, the work runs as a job. The current or the previous week only (400
    /// naming both otherwise), 409 <c>missing_inputs</c> naming them until confirmed, 409 <c>already_published</c> for a
    /// week published before unless sent as a correction, 422 for channels without the bot; a repeated publishId returns
    /// the same publication, never resends.
    /// </summary>
    [Function("digest-publish")]
    public async Task<IResult> Publish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/digest/weeks/{week}/publish")] HttpRequest req, string week,
        CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        if (DigestHttp.ParseWeek(week, time) is not { } w) return DigestHttp.UnknownWeek(week);
        var body = await JsonBody.ReadAsync<PublishRequest>(req, cancellationToken, optional: true);
        if (body.Problem is { } p) return p;
        if (body.Value is not { } request) return ProblemResponses.Problem(400, "invalid_body", DigestTexts.NoTargets);
        var by = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (by is null) return ProblemResponses.Problem(403, "unknown_user", DigestTexts.CoordinatorsOnly);
        var outcome = await publisher.PublishAsync(w, request, by, DigestHttp.TabUrl(req, w, options.Value, env, config), cancellationToken);
        return outcome switch
        {
            PublishOutcome.Accepted a => Results.Json(a.Result, statusCode: 202),
            PublishOutcome.AlreadyPublished already => Results.Json(new
            {
                type = "about:blank", title = already.Message, status = 409, code = "already_published",
                earlier = new { id = already.Earlier.RowKey, publishedAt = already.Earlier.PublishedAt, publishedBy = already.Earlier.PublishedByName },
            }, statusCode: 409, contentType: "application/problem+json"),
            PublishOutcome.NeedsConfirmation n => Results.Json(new
            {
                type = "about:blank", title = n.Message, status = 409, code = "missing_inputs",
                missing = n.Missing.Select(m => new { number = m.MeasureNumber, title = m.Title, betreuerId = m.BetreuerId }),
            }, statusCode: 409, contentType: "application/problem+json"),
            PublishOutcome.ChannelsNotReady c => Results.Json(new
            {
                type = "about:blank", title = string.Join(" ", c.Channels.Select(x => x.Message)), status = 422, code = "bot_not_in_channel",
                channels = c.Channels,
            }, statusCode: 422, contentType: "application/problem+json"),
            PublishOutcome.Invalid i => ProblemResponses.Problem(400, "invalid_request", i.Message),
            PublishOutcome.WeekNotPublishable n => ProblemResponses.Problem(400, "week_not_publishable", n.Message),
            PublishOutcome.PublishIdReused r => ProblemResponses.Problem(422, "publish_id_reused", r.Message),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>
    /// Channels are offered only where the bot can send: with the dev stand-ins or a bot identity (Bot:AppId) — the same
    /// condition under which BotSetup builds the connector (Production before Bot:AppId is set cannot post).
    /// </summary>
    private bool CanSend() => BotOptions.UseDevStandIns(env, config) || !string.IsNullOrWhiteSpace(bot.Value.AppId);
}
