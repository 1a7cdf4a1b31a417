using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Outlook.Functions;

/// <summary>The caller's own channel for rating requests and reminders (issue 17); every signed-in staff member, only for themselves.</summary>
public sealed class ChannelPreferenceFunctions(ChannelPreferences preferences, StaffRepository staff)
{
    /// <summary>GET api/me/notification-channel.</summary>
    [Function("me-notification-channel")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me/notification-channel")] HttpRequest req, CancellationToken cancellationToken)
    {
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return ProblemResponses.Problem(403, "unknown_staff", OutlookTexts.UnknownStaff);
        return Results.Json(ChannelView.Of(await preferences.GetAsync(me, cancellationToken)));
    }

    /// <summary>PUT api/me/notification-channel {channel: "Teams" | "Outlook" | "Both"}.</summary>
    [Function("me-notification-channel-set")]
    public async Task<IResult> Set(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/me/notification-channel")] HttpRequest req, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ChannelUpdate>(req, cancellationToken);
        if (body.Problem is { } p) return p;
        var value = body.Value!.Channel?.Trim();
        if (!Enum.TryParse<NotificationChannel>(value, ignoreCase: true, out var channel) || int.TryParse(value, out _))
            return ProblemResponses.Problem(400, "unknown_channel", OutlookTexts.UnknownChannel(value));
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return ProblemResponses.Problem(403, "unknown_staff", OutlookTexts.UnknownStaff);
        return Results.Json(ChannelView.Of(await preferences.SetAsync(me, channel, cancellationToken)));
    }
}
