namespace TeamsAmdl.Bot;

/// <summary>Activity type names (Microsoft.Bot.Schema.ActivityTypes).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string InvokeResponse = "invokeResponse";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string Event = "event";
}
