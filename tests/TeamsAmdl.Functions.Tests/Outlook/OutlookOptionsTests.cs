using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Outlook;

namespace TeamsAmdl.Functions.Tests.Outlook;

/// <summary>Outlook:* on start: each wrong value named in German; the role defaults for people without a choice.</summary>
public sealed class OutlookOptionsTests
{
    private static OutlookOptions Valid() => new()
    {
        Enabled = true, Mailbox = "einkauf@jobcenter-musterstadt.example", ProviderId = "5a7c2e90-3b1d-4f6a-9e8c-0d1f2a3b4c5d",
        TabUrl = "https://teams.microsoft.com/l/entity/teamsamdl/ratings",
    };

    public static TheoryData<string, Action<OutlookOptions>, string> Broken => new()
    {
        // (case, change, the setting the message names)
        { "no mailbox", o => o.Mailbox = "", "Outlook:Mailbox" },
        { "mailbox without @", o => o.Mailbox = "einkauf", "Outlook:Mailbox" },
        { "no provider id", o => o.ProviderId = " ", "Outlook:ProviderId" },
        { "tab link not https", o => o.TabUrl = "http://intranet/tab", "Outlook:TabUrl" },
        { "unknown role", o => o.DefaultChannels["Hausmeister"] = NotificationChannel.Outlook, "Outlook:DefaultChannels" },
        { "role as number", o => o.DefaultChannels["3"] = NotificationChannel.Outlook, "Outlook:DefaultChannels" },
        { "Graph address", o => o.GraphBaseUrl = "graph", "Outlook:GraphBaseUrl" },
        { "lease too short", o => o.SendLease = TimeSpan.FromSeconds(5), "Outlook:SendLease" },
        { "attempts", o => o.MaxAttempts = 0, "Outlook:MaxAttempts" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_wrong_setting_is_named(string @case, Action<OutlookOptions> change, string setting)
    {
        var o = Valid();
        change(o);
        var result = new OutlookOptionsValidator().Validate(null, o);
        Assert.True(result.Failed, @case);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_settings_and_Outlook_off_without_mailbox_pass()
    {
        Assert.True(new OutlookOptionsValidator().Validate(null, Valid()).Succeeded);
        Assert.True(new OutlookOptionsValidator().Validate(null, new OutlookOptions()).Succeeded); // off: nothing else needed
    }

    [Fact]
    public void The_default_channel_follows_the_first_configured_role()
    {
        var o = Valid();
        o.DefaultChannels["Bewerter"] = NotificationChannel.Outlook;
        o.DefaultChannels["Koordinator"] = NotificationChannel.Both;
        Staff Person(params StaffRole[] roles) => new("x", "X", "x@example.org", "team", roles.ToHashSet());
        Assert.Equal(NotificationChannel.Outlook, o.DefaultFor(Person(StaffRole.Betreuer, StaffRole.Bewerter)));
        Assert.Equal(NotificationChannel.Both, o.DefaultFor(Person(StaffRole.Koordinator, StaffRole.Bewerter))); // Koordinator comes first in StaffRole
        Assert.Equal(NotificationChannel.Teams, o.DefaultFor(Person(StaffRole.Ifk)));
    }
}
