using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.DevInbox.Functions;

/// <summary>The /dev/inbox page, its files (wwwroot/dev/inbox) and the renderer files it takes from the repository. Development with Bot:DevStandIns only.</summary>
public sealed class DevInboxPageFunctions(WebRoot webRoot, DevAssets assets, IHostEnvironment env, IConfiguration config)
{
    /// <summary>GET dev/inbox.</summary>
    [Function("dev-inbox"), AllowAnonymous, DevelopmentOnly]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/inbox")] HttpRequest req) =>
        DevInboxSetup.Unavailable(env, config) ?? webRoot.File("dev/inbox/index.html");

    /// <summary>GET dev/inbox/inbox.js, dev/inbox/inbox.css.</summary>
    [Function("dev-inbox-files"), AllowAnonymous, DevelopmentOnly]
    public IResult Files(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/inbox/{file:regex(^inbox\\.(js|css)$)}")] HttpRequest req, string file) =>
        DevInboxSetup.Unavailable(env, config) ?? webRoot.File("dev/inbox/" + file);

    /// <summary>GET dev/static/{path}: <see cref="DevAssets.AllowedPrefixes"/> of the repository (card harness, renderer, Teams host config).</summary>
    [Function("dev-inbox-static"), AllowAnonymous, DevelopmentOnly]
    public IResult Static([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/static/{*path}")] HttpRequest req, string path) =>
        DevInboxSetup.Unavailable(env, config) ?? assets.RepoFile(path);
}
