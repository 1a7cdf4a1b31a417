using System.Text.Json.Nodes;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Acts on an authenticated activity by type: message (a command of <see cref="BotCommands"/>, or an Action.Submit fallback),
/// invoke "adaptiveCard/action" (answered in the HTTP response), conversationUpdate / installationUpdate
/// (conversation reference; welcome card on install). Other types are acknowledged and ignored.
/// </summary>
public sealed class BotActivityRouter(CardActionDispatcher dispatcher, IConversationReferenceRecorder recorder, IBotMessageSender sender,
    StaffRepository staff, MyTasks tasks, IdempotencyGuard guard, Outlook.OutlookInvokes outlook, ILogger<BotActivityRouter> log)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public async Task<IResult> RouteAsync(Activity activity, string correlationId, CancellationToken ct)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke && Outlook.OutlookInvokes.IsOutlook(activity):
                return InvokeResponses.ToHttp(await outlook.DispatchAsync(activity, CardActionRequest.FromInvoke(activity), correlationId, ct));

            case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke:
                return InvokeResponses.ToHttp(await dispatcher.DispatchAsync(activity, CardActionRequest.FromInvoke(activity), correlationId, ct));

            case ActivityTypes.Invoke:
                log.LogInformation("Invoke {Name} is not implemented", activity.Name);
                return Results.StatusCode(StatusCodes.Status501NotImplemented);

            case ActivityTypes.Message:
                await recorder.RecordAsync(activity, ct); // keeps the serviceUrl of the user's chat current
                if (CardActionRequest.FromFallbackMessage(activity) is { } fallback)
                    await DeliverFallbackAsync(activity, await dispatcher.DispatchAsync(activity, fallback, correlationId, ct), ct);
                else
                {
                    var command = BotCommands.Parse(activity.Text);
                    await TrySendAsync(activity, "answer to " + command, async () => await sender.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!,
                        await AnswerAsync(activity, command, ct), ct));
                }
                return Results.Ok();

            case ActivityTypes.ConversationUpdate:
                await recorder.RecordAsync(activity, ct);
                return Results.Ok();

            case ActivityTypes.InstallationUpdate:
                await recorder.RecordAsync(activity, ct);
                if (activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
                    await TrySendAsync(activity, "welcome", () => SendWelcomeOnceAsync(activity, ct));
                return Results.Ok();

            default:
                return Results.Ok();
        }
    }

    /// <summary>Help and settings are short texts; the tasks are a card of that person's open work.</summary>
    private async Task<Activity> AnswerAsync(Activity message, BotCommand command, CancellationToken ct)
    {
        switch (command)
        {
            case BotCommand.Settings:
                return Reply(message, BotTexts.Settings, (JsonObject?)null);
            case BotCommand.MyTasks when !IsPersonal(message):
                // A channel or group chat would show one person's tasks (customer references included) to everyone.
                return Reply(message, BotTexts.MyTasksPersonalOnly, (JsonObject?)null);
            case BotCommand.MyTasks:
                var aad = message.From?.AadObjectId;
                var person = string.IsNullOrWhiteSpace(aad) ? null : await staff.FindByAadObjectIdAsync(aad, ct);
                if (person is null) return Reply(message, BotTexts.UnknownUser, (JsonObject?)null);
                return Reply(message, null, MyTasksCard.Build(await tasks.LoadAsync(person, ct)));
            default:
                return Reply(message, BotTexts.Help, (JsonObject?)null);
        }
    }

    private static bool IsPersonal(Activity a) =>
        string.IsNullOrEmpty(a.Conversation?.ConversationType) || string.Equals(a.Conversation.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>One welcome per install activity: a redelivered installationUpdate (same id) sends nothing new.</summary>
    private async Task SendWelcomeOnceAsync(Activity install, CancellationToken ct)
    {
        var welcome = Reply(install, null, WelcomeCard.Build(new WelcomeCardData(await UserNameAsync(install, ct))));
        welcome.ReplyToId = null;
        var conversationId = install.Conversation!.Id!;
        if (string.IsNullOrWhiteSpace(install.Id))
        {
            await sender.SendAsync(install.ServiceUrl!, conversationId, welcome, ct);
            return;
        }
        await guard.RunOnceAsync("conversation:" + conversationId, "welcome|" + install.Id,
            async token => await sender.SendAsync(install.ServiceUrl!, conversationId, welcome, token) ?? "", ct);
    }

    /// <summary>
    /// Action.Submit fallback: there is no invoke response, so the answer goes out as an activity — a card replaces
    /// the message the button was on (replyToId), a text or error arrives as a new message.
    /// </summary>
    private async Task DeliverFallbackAsync(Activity message, string invokeBody, CancellationToken ct)
    {
        var body = JsonNode.Parse(invokeBody)!.AsObject();
        var type = (string?)body["type"];
        Activity answer;
        if (type == AdaptiveCard.ContentType)
            answer = Reply(message, null, body["value"]!.DeepClone().AsObject());
        else if (type == InvokeResponses.ErrorType)
            answer = Reply(message, null, ErrorCard.Build(new ErrorCardData((string?)body["value"]?["message"])));
        else
            answer = Reply(message, (string?)body["value"], (JsonObject?)null);

        await TrySendAsync(message, "fallback answer", async () =>
        {
            if (type == AdaptiveCard.ContentType && !string.IsNullOrWhiteSpace(message.ReplyToId))
                await sender.UpdateAsync(message.ServiceUrl!, message.Conversation!.Id!, message.ReplyToId, answer, ct);
            else
                await sender.SendAsync(message.ServiceUrl!, message.Conversation!.Id!, answer, ct);
        });
    }

    private async Task TrySendAsync(Activity to, string what, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (ConnectorException e)
        {
            // Teams does not redeliver on our error, so failing the request would not help; the conversation
            // reference is stored and the proactive outbox can take over such messages.
            log.LogError(e, "Sending the {What} to conversation {ConversationId} failed", what, to.Conversation?.Id);
        }
    }

    private async Task<string?> UserNameAsync(Activity activity, CancellationToken ct)
    {
        var aad = activity.From?.AadObjectId;
        if (string.IsNullOrWhiteSpace(aad)) return activity.From?.Name;
        return (await staff.FindByAadObjectIdAsync(aad, ct))?.DisplayName ?? activity.From?.Name;
    }

    private static Activity Reply(Activity to, string? text, AdaptiveCard card)
    {
        var content = card.ToJsonObject();
        CardRequestIds.Stamp(content);
        return Reply(to, text, content);
    }

    private static Activity Reply(Activity to, string? text, JsonObject? card)
    {
        var reply = to.CreateReply(text);
        reply.Locale = "de-DE";
        if (card is not null)
            reply.Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }];
        return reply;
    }
}
