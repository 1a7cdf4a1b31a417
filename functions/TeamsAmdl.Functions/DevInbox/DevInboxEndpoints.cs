using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.DevInbox;

/// <summary>
/// Development only (registered and mapped only when the environment is Development): the dev issuer, the dev
/// connector and the /dev/inbox page that plays Teams for the bot.
/// </summary>
public static class DevInboxEndpoints
{
    public const string InboxPath = "/dev/inbox";
    public const string StaticPath = "/dev/static";
    /// <summary>The serviceUrl the inbox puts into its activities; the dev connector never calls it.</summary>
    public const string ConnectorPath = "/dev/connector/";

    public static IServiceCollection AddDevInbox(this IServiceCollection services)
    {
        services.AddSingleton<DevIssuer>();
        services.AddSingleton<DevInboxStore>();
        services.AddSingleton<DevAssets>();
        services.AddSingleton<DevConnector>();
        services.AddSingleton<ConnectorClient>(sp => sp.GetRequiredService<DevConnector>());
        services.AddSingleton<IDeliveryReadBack, DevInboxReadBack>();
        return services;
    }

    public static void MapDevInbox(this IEndpointRouteBuilder app)
    {
        var dev = app.MapGroup("/dev").AllowAnonymous();

        // (a) Dev issuer: OpenID metadata, JWKS, tokens.
        dev.MapGet(DevIssuer.MetadataPath["/dev".Length..], (HttpRequest r, DevIssuer issuer) => Results.Json(issuer.Metadata(BaseUrl(r))));
        dev.MapGet(DevIssuer.KeysPath["/dev".Length..], (DevIssuer issuer) => Results.Json(issuer.Jwks()));
        dev.MapPost(DevIssuer.TokenPath["/dev".Length..], async (HttpRequest r, DevIssuer issuer, IOptions<BotOptions> options, TimeProvider time,
            CancellationToken ct) =>
        {
            var serviceUrl = ServiceUrl(r);
            if (r.ContentLength > 0 && r.HasJsonContentType())
            {
                var body = await JsonNode.ParseAsync(r.Body, cancellationToken: ct);
                if (body?["serviceUrl"] is JsonValue v && v.GetValueKind() == JsonValueKind.String) serviceUrl = (string)v!;
            }
            if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
                return ProblemResponses.Problem(400, "invalid_service_url", $"„{serviceUrl}“ ist keine absolute http(s)-URL.");
            return Results.Json(new
            {
                token_type = "Bearer",
                expires_in = (int)DevIssuer.TokenLifetime.TotalSeconds,
                access_token = issuer.CreateToken(options.Value.EffectiveAppId, serviceUrl, time.GetUtcNow()),
            });
        });

        // (c) The inbox page and its data.
        dev.MapGet("/inbox", (DevAssets assets) => assets.WebRootFile("dev/inbox/index.html"));
        dev.MapGet("/inbox/{file:regex(^inbox\\.(js|css)$)}", (string file, DevAssets assets) => assets.WebRootFile("dev/inbox/" + file));
        dev.MapGet(StaticPath["/dev".Length..] + "/{**path}", (string path, DevAssets assets) => assets.RepoFile(path));

        var api = dev.MapGroup("/inbox/api");
        api.MapGet("/context", async (string? user, HttpRequest r, StaffRepository staff, IOptions<BotOptions> options, CancellationToken ct) =>
        {
            var s = await FindUserAsync(staff, user, ct);
            if (s is null) return UnknownUser(user);
            var o = options.Value;
            return Results.Json(new
            {
                user = new { id = s.Id, displayName = s.DisplayName, email = s.Email, aadObjectId = s.AadObjectId },
                channelId = "msteams",
                serviceUrl = ServiceUrl(r),
                conversation = new
                {
                    id = DevConversations.Personal(s.AadObjectId!), conversationType = "personal",
                    tenantId = o.EffectiveTenantId,
                },
                bot = new { id = "28:" + o.EffectiveAppId, name = o.Name },
                from = new { id = "29:dev-" + s.AadObjectId, name = s.DisplayName, aadObjectId = s.AadObjectId },
                tokenUrl = DevIssuer.TokenPath,
                messagesUrl = BotEndpoints.MessagesPath,
            });
        });
        api.MapGet("/messages", async (string? user, StaffRepository staff, DevInboxStore inbox, CancellationToken ct) =>
        {
            var s = await FindUserAsync(staff, user, ct);
            if (s is null) return UnknownUser(user);
            var rows = await inbox.ListAsync(s.AadObjectId!, 50, ct);
            return Results.Json(rows.Select(row =>
            {
                var activity = row.ReadActivity();
                activity["updatedAt"] = row.UpdatedAt;
                return activity;
            }));
        });
        api.MapPut("/messages/{id}/card", async (string id, string? user, HttpRequest r, StaffRepository staff, DevInboxStore inbox,
            CancellationToken ct) =>
        {
            var s = await FindUserAsync(staff, user, ct);
            if (s is null) return UnknownUser(user);
            if (await JsonNode.ParseAsync(r.Body, cancellationToken: ct) is not JsonObject card || (string?)card["type"] != "AdaptiveCard")
                return ProblemResponses.Problem(400, "invalid_card", "Der Body muss eine Adaptive Card sein.");
            return await inbox.ReplaceCardAsync(s.AadObjectId!, id, card, ct)
                ? Results.NoContent()
                : ProblemResponses.Problem(404, "unknown_message", $"Die Nachricht „{id}“ gibt es im Posteingang von {s.DisplayName} nicht.");
        });
    }

    private static async Task<Domain.Staff?> FindUserAsync(StaffRepository staff, string? user, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(user) ? null
        : await staff.FindByIdOrEmailAsync(user.Trim(), ct) is { AadObjectId: { Length: > 0 } } s ? s : null;

    private static IResult UnknownUser(string? user) =>
        ProblemResponses.Problem(404, "unknown_user", $"Unbekannter Demo-Benutzer „{user}“ (Liste: /api/dev/users).");

    private static string BaseUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static string ServiceUrl(HttpRequest r) => BaseUrl(r) + ConnectorPath;
}

/// <summary>
/// Files for the inbox page: its own files from wwwroot, and from the repository (found by walking up to
/// TeamsAmdl.sln) the card renderer harness and the official adaptivecards renderer with the Teams host config
/// and container CSS — only below the folders listed in <see cref="AllowedPrefixes"/>.
/// </summary>
public sealed class DevAssets(IWebHostEnvironment env)
{
    public static readonly string[] AllowedPrefixes =
    [
        "cards/render/", "node_modules/adaptivecards/dist/", "node_modules/adaptivecards-designer/lib/hostConfigs/",
        "node_modules/adaptivecards-designer/dist/containers/",
    ];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly Lazy<string?> _repoRoot = new(() => FindRepoRoot(env.ContentRootPath) ?? FindRepoRoot(AppContext.BaseDirectory));

    public IResult WebRootFile(string relative)
    {
        var file = env.WebRootFileProvider.GetFileInfo(relative);
        return file.Exists && file.PhysicalPath is not null
            ? Results.File(file.PhysicalPath, ContentType(file.PhysicalPath))
            : ProblemResponses.Problem(404, "not_found", $"Datei „{relative}“ fehlt im wwwroot der App.");
    }

    public IResult RepoFile(string relative)
    {
        relative = relative.Replace('\\', '/');
        var root = _repoRoot.Value;
        if (root is null)
            return ProblemResponses.Problem(404, "repo_not_found",
                "Das Repository (TeamsAmdl.sln) wurde oberhalb der App nicht gefunden; der Kartenrenderer ist nur aus dem Quellbaum verfügbar.");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!AllowedPrefixes.Any(p => relative.StartsWith(p, StringComparison.Ordinal))
            || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            return ProblemResponses.Problem(404, "not_found",
                relative.StartsWith("node_modules/", StringComparison.Ordinal)
                    ? $"„{relative}“ fehlt: im Repository einmal `npm ci` ausführen (./run.sh tut das)."
                    : $"„{relative}“ gibt es nicht oder darf nicht ausgeliefert werden.");
        return Results.File(full, ContentType(full));
    }

    private static string ContentType(string path) =>
        ContentTypes.TryGetContentType(path, out var type)
            ? type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? type + "; charset=utf-8" : type
            : "application/octet-stream";

    private static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TeamsAmdl.sln")))
                return dir.FullName;
        return null;
    }
}
