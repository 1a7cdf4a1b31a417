namespace TeamsAmdl.Functions.Bot;

/// <summary>What a text message asks for; the commands are listed in the manifest (bots[].commandLists).</summary>
public enum BotCommand { Help, MyTasks, Settings }
