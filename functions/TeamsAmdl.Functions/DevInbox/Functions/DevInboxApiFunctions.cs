using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Bot.Functions;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.DevInbox.Functions;

/// <summary>
/// The data of the /dev/inbox page for one demo user (?user=id or e-mail): the Teams context to build activities
/// from, what the bot sent, and keeping a card an invoke returned. Development with Bot:DevStandIns only.
/// </summary>
public sealed class DevInboxApiFunctions(StaffRepository staff, DevInboxStore inbox, IOptions<BotOptions> options,
    IHostEnvironment env, IConfiguration config)
{
    /// <summary>GET dev/inbox/api/context?user=: user, personal conversation, serviceUrl, bot account, token and messages URLs.</summary>
    [Function("dev-inbox-context"), AllowAnonymous, DevelopmentOnly]
    public async Task<IResult> Context(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/inbox/api/context")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (DevInboxSetup.Unavailable(env, config) is { } off) return off;
        string? user = req.Query["user"];
        var s = await FindUserAsync(user, cancellationToken);
        if (s is null) return UnknownUser(user);
        var o = options.Value;
        return Results.Json(new
        {
            user = new { id = s.Id, displayName = s.DisplayName, email = s.Email, aadObjectId = s.AadObjectId },
            channelId = "msteams",
            serviceUrl = DevUrls.Connector(req),
            conversation = new
            {
                id = DevConversations.Personal(s.AadObjectId!), conversationType = "personal",
                tenantId = o.EffectiveTenantId,
            },
            bot = new { id = "28:" + o.EffectiveAppId, name = o.Name },
            from = new { id = "29:dev-" + s.AadObjectId, name = s.DisplayName, aadObjectId = s.AadObjectId },
            tokenUrl = DevIssuer.TokenPath,
            messagesUrl = BotMessageFunctions.MessagesPath,
        });
    }

    /// <summary>GET dev/inbox/api/messages?user=: what the bot sent the user, newest first.</summary>
    [Function("dev-inbox-messages"), AllowAnonymous, DevelopmentOnly]
    public async Task<IResult> Messages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/inbox/api/messages")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (DevInboxSetup.Unavailable(env, config) is { } off) return off;
        string? user = req.Query["user"];
        var s = await FindUserAsync(user, cancellationToken);
        if (s is null) return UnknownUser(user);
        var rows = await inbox.ListAsync(s.AadObjectId!, 50, cancellationToken);
        return Results.Json(rows.Select(row =>
        {
            var activity = row.ReadActivity();
            activity["updatedAt"] = row.UpdatedAt;
            return activity;
        }));
    }

    /// <summary>PUT dev/inbox/api/messages/{id}/card?user= {AdaptiveCard}: the message now shows this card (as Teams does with an invoke's card).</summary>
    [Function("dev-inbox-card"), MaxBody(512 * 1024), AllowAnonymous, DevelopmentOnly]
    public async Task<IResult> ReplaceCard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "dev/inbox/api/messages/{id}/card")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        if (DevInboxSetup.Unavailable(env, config) is { } off) return off;
        string? user = req.Query["user"];
        var s = await FindUserAsync(user, cancellationToken);
        if (s is null) return UnknownUser(user);
        var body = await JsonBody.ReadAsync<JsonObject>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if ((string?)body.Value!["type"] != "AdaptiveCard")
            return ProblemResponses.Problem(400, "invalid_card", "Der Body muss eine Adaptive Card sein.");
        return await inbox.ReplaceCardAsync(s.AadObjectId!, id, body.Value, cancellationToken)
            ? Results.NoContent()
            : ProblemResponses.Problem(404, "unknown_message", $"Die Nachricht „{id}“ gibt es im Posteingang von {s.DisplayName} nicht.");
    }

    private async Task<Domain.Staff?> FindUserAsync(string? user, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(user) ? null
        : await staff.FindByIdOrEmailAsync(user.Trim(), ct) is { AadObjectId: { Length: > 0 } } s ? s : null;

    private static IResult UnknownUser(string? user) =>
        ProblemResponses.Problem(404, "unknown_user", $"Unbekannter Demo-Benutzer „{user}“ (Liste: /api/dev/users).");
}
