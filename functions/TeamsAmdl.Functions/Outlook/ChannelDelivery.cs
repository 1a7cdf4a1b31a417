using Microsoft.Extensions.Options;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>One card for one person: the outbox key of the Teams message and the subject of the mail.</summary>
public sealed record PersonalCard(Staff To, string MessageKey, AdaptiveCard Card, string Subject);

/// <summary>
/// Sends rating requests and reminders by each person's channel (<see cref="ChannelPreferences"/>): the Teams card
/// through the bot's outbox under the given key, the Actionable Message through the <see cref="MailOutbox"/> under
/// key + ":mail", or both. Both outboxes dedupe by key, so a repeated run sends nothing twice.
/// </summary>
public sealed class ChannelDelivery(ChannelPreferences preferences, MailOutbox mail, Lazy<Proactive> proactive, StaffRepository staff,
    IOptions<OutlookOptions> options)
{
    public static string MailKey(string messageKey) => messageKey + ":mail";

    public async Task SendAsync(IReadOnlyList<PersonalCard> cards, CancellationToken ct)
    {
        var o = options.Value;
        var teams = new List<PersonalCard>();
        foreach (var c in cards)
        {
            var person = await staff.GetAsync(c.To.Id, ct) ?? c.To;
            if (!person.Active) continue;
            var channel = (await preferences.GetAsync(person, ct)).Effective;
            if (channel is NotificationChannel.Teams or NotificationChannel.Both) teams.Add(c);
            if (channel is NotificationChannel.Outlook or NotificationChannel.Both)
                await mail.EnqueueAsync(MailKey(c.MessageKey), person.Email, c.Subject, ActionableMail.Html(c.Card, o.ProviderId!, o.TabUrl!), ct);
        }
        if (teams.Count > 0)
            await proactive.Value.SendCardAsync(teams.Select(t => (t.To, t.MessageKey)), to => teams.First(t => t.To.Id == to.Id).Card, ct);
    }
}
