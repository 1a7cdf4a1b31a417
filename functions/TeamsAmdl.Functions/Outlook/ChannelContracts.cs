namespace TeamsAmdl.Functions.Outlook;

/// <summary>PUT api/me/notification-channel body.</summary>
public sealed record ChannelUpdate(string? Channel);

/// <summary>One selectable channel with its German label.</summary>
public sealed record ChannelOption(string Value, string Label);

/// <summary>The caller's channel: chosen (null: none yet), role default, in effect now, whether Outlook can be chosen, the options.</summary>
public sealed record ChannelView(string? Chosen, string Default, string Effective, string EffectiveLabel, bool OutlookAvailable,
    IReadOnlyList<ChannelOption> Options)
{
    public static ChannelView Of(ChannelChoice c) => new(c.Chosen?.ToString(), c.Default.ToString(), c.Effective.ToString(),
        OutlookTexts.ChannelName(c.Effective), c.OutlookAvailable,
        Enum.GetValues<NotificationChannel>().Select(v => new ChannelOption(v.ToString(), OutlookTexts.ChannelName(v))).ToList());
}
