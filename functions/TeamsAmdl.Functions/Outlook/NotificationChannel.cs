namespace TeamsAmdl.Functions.Outlook;

/// <summary>Where a person gets rating requests and reminders (issue 17): the Teams chat, an Outlook e-mail, or both.</summary>
public enum NotificationChannel
{
    Teams,
    Outlook,
    Both,
}
