using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Playground.Functions;

/// <summary>The playground's config file for a demo user. Development with Bot:Playground only (404 otherwise).</summary>
public sealed class PlaygroundConfigFunctions(PlaygroundConfig configFile, IHostEnvironment env, IConfiguration config)
{
    /// <summary>GET dev/playground/config?user=id-or-email: .m365agentsplayground.yml for that person (text/yaml).</summary>
    [Function("dev-playground-config"), AllowAnonymous, DevelopmentOnly]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/playground/config")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!PlaygroundSetup.IsOn(env, config)) return ProblemResponses.Problem(404, "not_found", PlaygroundTexts.Off);
        string? user = req.Query["user"];
        var yml = string.IsNullOrWhiteSpace(user) ? null : await configFile.BuildAsync(user, cancellationToken);
        return yml is null
            ? ProblemResponses.Problem(404, "unknown_user", PlaygroundTexts.UnknownUser(user))
            : Results.Text(yml, "text/yaml; charset=utf-8");
    }
}
