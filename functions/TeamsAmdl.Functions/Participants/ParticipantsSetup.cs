namespace TeamsAmdl.Functions.Participants;

/// <summary>Wires the participant feature: <c>builder.AddParticipants()</c> (after <c>AddFreePlaces()</c>, whose request store it uses).</summary>
public static class ParticipantsSetup
{
    public static IHostApplicationBuilder AddParticipants(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ParticipantService>();
        builder.Services.AddSingleton<ParticipantPhases>();
        return builder;
    }
}
