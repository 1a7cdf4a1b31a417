using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.DevInbox;

/// <summary>
/// Development only: the dev issuer, the dev connector and the /dev/inbox page that plays Teams for the bot. Their
/// functions are <see cref="Hosting.DevelopmentOnlyAttribute"/> (404 outside Development) and answer 404 as well when
/// Bot:DevStandIns is false (<see cref="Unavailable"/>).
/// </summary>
public static class DevInboxSetup
{
    /// <summary>
    /// The stand-ins' services, inert until used. Registered in every Development host, also with Bot:DevStandIns
    /// false: function classes are constructed before they can answer 404.
    /// </summary>
    public static IServiceCollection AddDevInbox(this IServiceCollection services)
    {
        services.AddSingleton<DevIssuer>();
        services.AddSingleton<DevInboxStore>();
        services.AddSingleton<DevAssets>();
        services.AddSingleton<DevConnector>();
        return services;
    }

    /// <summary>With the stand-ins on: outbound activities go to the dev inbox instead of Teams, and are read back from it.</summary>
    public static IServiceCollection UseDevConnector(this IServiceCollection services)
    {
        services.AddSingleton<ConnectorClient>(sp => sp.GetRequiredService<DevConnector>());
        services.AddSingleton<IDeliveryReadBack, DevInboxReadBack>();
        return services;
    }

    /// <summary>The 404 of a stand-in route when Bot:DevStandIns is false (Development talking to real Teams), else null.</summary>
    public static IResult? Unavailable(IHostEnvironment env, IConfiguration config) =>
        BotOptions.UseDevStandIns(env, config) ? null : ProblemResponses.Problem(404, "not_found", BotTexts.DevStandInsOff);
}
