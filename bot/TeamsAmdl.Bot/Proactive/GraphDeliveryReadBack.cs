using System.Globalization;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Authentication.Azure;

namespace TeamsAmdl.Bot;

/// <summary>
/// <see cref="IDeliveryReadBack"/> through Microsoft Graph: finds the recipient's 1:1 chat with the app
/// (<c>GET /users/{id}/teamwork/installedApps?$expand=teamsApp&amp;$filter=teamsApp/externalId eq '{app}'</c>, then
/// <c>…/installedApps/{installation}/chat</c>; a conversation id that already is a Graph chat id, "19:…@…", is used
/// as it is) and pages through the messages changed since the first attempt
/// (<c>GET /chats/{id}/messages?$orderby=lastModifiedDateTime desc&amp;$filter=lastModifiedDateTime gt …</c>, at most
/// 50 a page) for one from the bot whose card carries the marker. Channel posts: <c>GET
/// /teams/{aadGroupId}/channels/{channel}/messages?$top=50</c> (no $filter there), newest first, until the messages
/// are older than the lookup's start. App-only permissions: TeamsAppInstallation.ReadForUser.All and Chat.Read.All
/// (or the resource-specific ChatMessage.Read.Chat where it applies); channels: the resource-specific
/// ChannelMessage.Read.Group (or ChannelMessage.Read.All); see bot/TeamsAmdl.Bot/Proactive/README.md.
/// </summary>
public sealed class GraphDeliveryReadBack : IDeliveryReadBack
{
    private readonly GraphServiceClient _graph;
    private readonly string _teamsAppId;
    private readonly string? _botAppId;
    private readonly int _maxPages;

    /// <param name="teamsAppId">The app's id in the Teams manifest (the catalog's externalId).</param>
    /// <param name="botAppId">The bot's Entra app id: only its own messages count. Null: any sender.</param>
    /// <param name="maxPages">Pages of 50 messages looked at before giving up (then the lookup throws).</param>
    public GraphDeliveryReadBack(GraphServiceClient graph, string teamsAppId, string? botAppId, int maxPages = 20)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrWhiteSpace(teamsAppId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        _graph = graph;
        _teamsAppId = teamsAppId;
        _botAppId = botAppId;
        _maxPages = maxPages;
    }

    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// A read-back on the Graph SDK's default pipeline (retries 429/503/504 honouring Retry-After), app-only with
    /// <paramref name="credential"/> (scope https://graph.microsoft.com/.default, token sent to the Graph host only).
    /// </summary>
    public static GraphDeliveryReadBack Create(TokenCredential credential, string teamsAppId, string? botAppId, string graphBaseUrl = DefaultGraphBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var baseUrl = graphBaseUrl.TrimEnd('/');
        var auth = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [new Uri(baseUrl).Host], scopes: ["https://graph.microsoft.com/.default"]);
        return new GraphDeliveryReadBack(new GraphServiceClient(GraphClientFactory.Create(), auth, baseUrl), teamsAppId, botAppId);
    }

    public async Task<string?> FindAsync(DeliveryLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.IsChannel)
            return await FindInChannelAsync(lookup, cancellationToken).ConfigureAwait(false);
        var chatId = await ChatIdAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (chatId is null)
            return null; // the app is not installed for the user: nothing can have been posted to them

        var since = lookup.Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var page = await _graph.Chats[chatId].Messages.GetAsync(request =>
        {
            request.QueryParameters.Top = 50;
            // The filter is honoured only together with $orderby on the same property.
            request.QueryParameters.Orderby = ["lastModifiedDateTime desc"];
            request.QueryParameters.Filter = $"lastModifiedDateTime gt {since}";
        }, cancellationToken).ConfigureAwait(false);
        for (var pages = 1; page is not null; pages++)
        {
            foreach (var message in page.Value ?? [])
                if (Carries(message, lookup.Marker))
                    return message.Id;
            if (string.IsNullOrEmpty(page.OdataNextLink))
                return null;
            if (pages >= _maxPages)
                throw new InvalidOperationException(
                    $"Rücklesen abgebrochen: mehr als {_maxPages * 50} Nachrichten im Chat seit {since}; Zustellung bleibt ungewiss.");
            page = await _graph.Chats[chatId].Messages.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    private async Task<string?> FindInChannelAsync(DeliveryLookup lookup, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(lookup.TeamAadGroupId))
            throw new InvalidOperationException("Rücklesen im Kanal nicht möglich: die Gruppen-ID des Teams ist nicht bekannt (Bot im Team neu installieren).");
        var channelId = lookup.ConversationId.Split(';')[0]; // a reply thread's id ends in ";messageid=…"
        var messages = _graph.Teams[lookup.TeamAadGroupId].Channels[channelId].Messages;
        var page = await messages.GetAsync(request => request.QueryParameters.Top = 50, cancellationToken).ConfigureAwait(false);
        for (var pages = 1; page is not null; pages++)
        {
            var values = page.Value ?? [];
            foreach (var message in values)
                if (Carries(message, lookup.Marker))
                    return message.Id;
            // Newest first: once a whole page is older than the first possible attempt, nothing further back can match.
            if (values.Count > 0 && values.All(m => m.CreatedDateTime < lookup.Since && (m.LastModifiedDateTime ?? m.CreatedDateTime) < lookup.Since))
                return null;
            if (string.IsNullOrEmpty(page.OdataNextLink))
                return null;
            if (pages >= _maxPages)
                throw new InvalidOperationException($"Rücklesen abgebrochen: mehr als {_maxPages * 50} Beiträge im Kanal; Zustellung bleibt ungewiss.");
            page = await messages.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    private bool Carries(ChatMessage message, string marker)
    {
        if (message.DeletedDateTime is not null)
            return false;
        if (_botAppId is not null && message.From?.Application?.Id is { } sender && !string.Equals(sender, _botAppId, StringComparison.OrdinalIgnoreCase))
            return false;
        return message.Attachments?.Any(a => a.ContentType == Attachment.AdaptiveCardContentType && DeliveryMarker.IsIn(a.Content, marker)) == true;
    }

    private async Task<string?> ChatIdAsync(DeliveryLookup lookup, CancellationToken cancellationToken)
    {
        if (lookup.ConversationId.StartsWith("19:", StringComparison.Ordinal) && lookup.ConversationId.Contains('@', StringComparison.Ordinal))
            return lookup.ConversationId;
        var user = _graph.Users[lookup.RecipientAadObjectId!];
        var installations = await user.Teamwork.InstalledApps.GetAsync(request =>
        {
            request.QueryParameters.Expand = ["teamsApp"];
            request.QueryParameters.Filter = $"teamsApp/externalId eq '{_teamsAppId.Replace("'", "''", StringComparison.Ordinal)}'";
        }, cancellationToken).ConfigureAwait(false);
        var installation = installations?.Value?.FirstOrDefault(i => !string.IsNullOrEmpty(i.Id));
        if (installation is null)
            return null;
        var chat = await user.Teamwork.InstalledApps[installation.Id].Chat.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(chat?.Id)
            ? throw new InvalidOperationException("Graph lieferte zum installierten App keinen Chat.")
            : chat.Id;
    }
}
