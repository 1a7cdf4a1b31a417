using TeamsAmdl.Functions.Filing;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// The settings without which the app cannot do its work (issue 12): storage everywhere; outside Development also Teams
/// SSO (Auth:*, otherwise every call is a 401) and the bot (Bot:AppId and Bot:TenantId, otherwise nothing is sent and
/// every activity is refused), and the e-Akte as <see cref="FilingState"/> decides (Filing:SiteId/DriveId unless a demo
/// installation). <see cref="StartupChecks"/> stops the start with <see cref="Problem"/>, one German line naming every
/// missing setting; /healthz reports the same as degraded. Read from the final configuration, after the host is built.
/// </summary>
public class RequiredSettings(IConfiguration config, IHostEnvironment env, FilingState filing)
{
    /// <summary>The names of the missing or unusable settings, in the order of the setup guide (infra/README.md).</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Blank("Storage:ConnectionString") && Blank("Storage:AccountName"))
            missing.Add("Storage:ConnectionString oder Storage:AccountName");
        if (env.IsDevelopment()) return missing;
        var metadata = config["Auth:MetadataUrl"];
        if (string.IsNullOrWhiteSpace(metadata)) missing.Add("Auth:MetadataUrl");
        else if (!Uri.TryCreate(metadata, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            missing.Add("Auth:MetadataUrl (keine gültige URL)");
        Require(missing, "Auth:Audience", "Auth:TenantId", "Bot:AppId", "Bot:TenantId");
        return missing;
    }

    /// <summary>One German line naming every missing setting and the e-Akte's problem, or null when the app can start.</summary>
    public virtual string? Problem()
    {
        var missing = Missing();
        var filingProblem = filing.Mode == FilingMode.Misconfigured ? filing.Problem : null;
        if (missing.Count == 0) return filingProblem;
        var line = $"Start abgebrochen, es fehlen Einstellungen: {string.Join(", ", missing)}.";
        return filingProblem is null ? line : $"{line} {filingProblem}";
    }

    private void Require(List<string> missing, params string[] names) => missing.AddRange(names.Where(Blank));

    private bool Blank(string name) => string.IsNullOrWhiteSpace(config[name]);
}
