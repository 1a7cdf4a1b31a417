using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.DevInbox;

namespace TeamsAmdl.Functions.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground as a second local chat client (README.md here). On only in Development with the
/// dev stand-ins and Bot:Playground = true; the start refuses Bot:Playground outside Development (StartupChecks).
/// </summary>
public static class PlaygroundSetup
{
    public const string Setting = $"{BotOptions.Section}:{nameof(BotOptions.Playground)}";

    public static bool IsOn(IHostEnvironment env, IConfiguration config) =>
        BotOptions.UseDevStandIns(env, config) && config.GetValue(Setting, false);

    /// <summary>
    /// A service URL the playground handed out: on this machine, and not the dev inbox's own (/dev/connector/, which
    /// the dev connector stands in for and nobody serves).
    /// </summary>
    public static bool IsPlaygroundServiceUrl(string? serviceUrl) =>
        ConnectorClient.IsLoopback(serviceUrl)
        && !new Uri(serviceUrl!).AbsolutePath.StartsWith(DevUrls.ConnectorPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every Development host: the gate (asked by POST api/messages) and the config file route.</summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddSingleton<PlaygroundGate>();
        services.AddSingleton<PlaygroundConfig>();
        return services;
    }

    /// <summary>With the playground on: activities for its service URLs go to it over http, all others to the dev inbox.</summary>
    public static IServiceCollection UsePlaygroundConnector(this IServiceCollection services)
    {
        services.AddSingleton<ConnectorClient>(sp => new PlaygroundConnector(sp.GetRequiredService<DevConnector>(), ConnectorClient.ForLoopbackEmulator()));
        return services;
    }
}
