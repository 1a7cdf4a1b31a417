using System.Globalization;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using TeamsAmdl.Filing.Graph;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>A mail as the outbox sends it: to one person, from the Einkaufspostfach.</summary>
/// <param name="Marker">Hex id derived from the outbox key: the mail's extended property and internetMessageId carry it.</param>
public sealed record OutboundMail(string To, string Subject, string Html, string Marker)
{
    /// <summary>RFC 5322 message id, deterministic per outbox key (the recipient's client can tell a copy apart).</summary>
    public string InternetMessageId => $"<amdl-{Marker}@teamsamdl.invalid>";
}

/// <summary>
/// Mail through Microsoft Graph, app-only: <c>POST /users/{mailbox}/sendMail</c> (application permission Mail.Send,
/// limited to the Einkaufspostfach by an Exchange application access policy / RBAC, infra/README.md), and the look-up
/// that settles an in-doubt send: <c>GET /users/{mailbox}/messages?$filter=singleValueExtendedProperties/Any(…)</c> for the
/// marker every mail carries (all folders: a mail still in the Outbox counts as accepted). sendMail is not idempotent and
/// has no request id, so the marker in the mailbox is the only proof that Graph accepted a mail. The SDK's retry handler is
/// off: a throttled mail goes back to the outbox with its Retry-After instead of holding the worker.
/// </summary>
public sealed class GraphMail(GraphServiceClient graph, string mailbox)
{
    /// <summary>A named MAPI property of the app's own property set (fixed GUID) holding the marker.</summary>
    public const string MarkerPropertyId = "String {EEDC1982-1696-4850-B8E8-52DC62CCA50D} Name TeamsAmdlMessageKey";

    public string Mailbox => mailbox;

    public static GraphMail Create(OutlookOptions options, TokenCredential credential, HttpMessageHandler? finalHandler = null) =>
        new(GraphClients.Create(options.GraphBaseUrl, credential, maxRetries: 0, retryDelaySeconds: 0, TimeSpan.FromSeconds(60), finalHandler),
            options.Mailbox ?? throw new InvalidOperationException("Outlook:Mailbox fehlt."));

    public async Task SendAsync(OutboundMail mail, CancellationToken ct)
    {
        var message = new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = mail.Html },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = mail.To } }],
            InternetMessageId = mail.InternetMessageId,
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkerPropertyId, Value = mail.Marker }],
        };
        try
        {
            await graph.Users[mailbox].SendMail.PostAsync(new SendMailPostRequestBody { Message = message, SaveToSentItems = true }, cancellationToken: ct);
        }
        catch (ApiException e) when (e.ResponseStatusCode > 0)
        {
            throw Map(e);
        }
    }

    /// <summary>Whether a mail with this marker is in the mailbox (Sent Items or still the Outbox).</summary>
    public async Task<bool> ExistsAsync(string marker, CancellationToken ct)
    {
        try
        {
            var page = await graph.Users[mailbox].Messages.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerPropertyId}' and ep/value eq '{marker}')";
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = 1;
            }, ct);
            return page?.Value is { Count: > 0 };
        }
        catch (ApiException e) when (e.ResponseStatusCode > 0)
        {
            throw Map(e);
        }
    }

    private static MailGraphException Map(ApiException e)
    {
        TimeSpan? retryAfter = null;
        if (e.ResponseHeaders is { } headers && headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value)
        {
            // Graph sends seconds; an HTTP date (not used by Graph) falls back to the outbox's backoff.
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) retryAfter = TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        var code = (e as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code ?? "http" + e.ResponseStatusCode;
        return new MailGraphException(e.ResponseStatusCode, code, retryAfter, e);
    }
}
