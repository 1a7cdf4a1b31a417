namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// Settings of the staff sync from Entra ID and of the proactive installation of the Teams app (section "Staff",
/// README.md of this folder). Validated on start by <see cref="StaffOptionsValidator"/>.
/// </summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";
    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// Entra security groups and what their (transitive) members are. A member of several groups holds the roles of
    /// all of them and the team of the first listed group that names one. Empty: the sync does nothing (and deactivates nobody).
    /// </summary>
    public List<StaffGroupMapping> Groups { get; set; } = [];

    /// <summary>Microsoft Graph endpoint (tests: a local fake).</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>Retries of the Graph client on 429/503/504 (Retry-After honoured); at most 10.</summary>
    public int GraphMaxRetries { get; set; } = 3;

    /// <summary>Delay before a retry when Graph sends no Retry-After, in seconds; at most 180.</summary>
    public int GraphRetryDelaySeconds { get; set; } = 3;

    /// <summary>
    /// The app's id in the tenant's app catalog (Graph <c>appCatalogs/teamsApps/{id}</c>; not the manifest id). Set:
    /// cards for people without a conversation with the bot wait until Graph has installed the app for them. Unset:
    /// the outbox creates the chat itself (works only where the app is already installed, e.g. in Development).
    /// </summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>How long after an installation request the timer asks Graph again for someone still unreachable.</summary>
    public TimeSpan InstallRetryAfter { get; set; } = TimeSpan.FromHours(1);

    public bool InstallsApp => !string.IsNullOrWhiteSpace(TeamsAppCatalogId);
}
