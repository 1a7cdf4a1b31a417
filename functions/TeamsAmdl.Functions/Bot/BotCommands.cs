using System.Text.RegularExpressions;

namespace TeamsAmdl.Functions.Bot;

/// <summary>
/// Reads the command from a message text. Teams puts an @mention of the bot as &lt;at&gt;…&lt;/at&gt; into the text in
/// chats and channels, and people type with capitals and punctuation: those are ignored. Anything else is
/// <see cref="BotCommand.Help"/>: the bot answers unknown text with the list of commands.
/// </summary>
public static partial class BotCommands
{
    public const string HelpText = "hilfe";
    public const string MyTasksText = "meine aufgaben";
    public const string SettingsText = "einstellungen";

    public static BotCommand Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return BotCommand.Help;
        var plain = Tags().Replace(Mention().Replace(text, " "), " ").Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        var words = Words().Replace(plain, " ").Trim().Trim('.', '!', '?', ' ').ToLowerInvariant();
        return words switch
        {
            MyTasksText or "aufgaben" => BotCommand.MyTasks,
            SettingsText => BotCommand.Settings,
            _ => BotCommand.Help,
        };
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Words();
}
