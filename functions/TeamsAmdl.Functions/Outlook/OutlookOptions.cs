using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>
/// Settings of the Outlook Actionable Messages (configuration section "Outlook", issue 17, infra/README.md "Outlook").
/// Off by default: then everybody gets Teams cards, whatever they chose.
/// </summary>
public sealed class OutlookOptions
{
    public const string Section = "Outlook";

    public bool Enabled { get; set; }

    /// <summary>The Einkaufspostfach the mails are sent from (POST /users/{Mailbox}/sendMail, Mail.Send restricted to it).</summary>
    public string? Mailbox { get; set; }

    /// <summary>Provider id from the Actionable Email Developer Dashboard: the cards' <c>originator</c>.</summary>
    public string? ProviderId { get; set; }

    /// <summary>Where the HTML fallback links to (the Teams tab's deep link).</summary>
    public string? TabUrl { get; set; }

    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Default channel per role (e.g. "Bewerter": "Outlook") for people who chose nothing; first match in role order, else Teams.</summary>
    public Dictionary<string, NotificationChannel> DefaultChannels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one send attempt owns a mail; after that it is in doubt and looked for in the mailbox before anything is sent again.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Receives of a queue message before the mail is parked for a person to check.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The default for a person without a choice of their own.</summary>
    public NotificationChannel DefaultFor(Staff person)
    {
        foreach (var role in Enum.GetValues<StaffRole>())
            if (person.Has(role) && DefaultChannels.TryGetValue(role.ToString(), out var channel)) return channel;
        return NotificationChannel.Teams;
    }
}
