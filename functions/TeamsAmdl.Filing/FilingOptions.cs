namespace TeamsAmdl.Filing;

/// <summary>
/// Settings of section <c>Filing</c> (docs/filing.md). Graph target: <see cref="SiteId"/> + <see cref="DriveId"/>;
/// credentials: <see cref="ClientSecret"/> with <see cref="TenantId"/> and <see cref="ClientId"/> (local), otherwise
/// the managed identity (<see cref="ManagedIdentityClientId"/> for a user-assigned one). Without SiteId/DriveId in
/// Development, <see cref="LocalFolder"/> stands in for SharePoint.
/// </summary>
public sealed class FilingOptions
{
    public const string Section = "Filing";
    public const string GraphScope = "https://graph.microsoft.com/.default";
    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>The SharePoint site of the e-Akte (Graph site id, e.g. "contoso.sharepoint.com,{guid},{guid}").</summary>
    public string? SiteId { get; set; }

    /// <summary>The document library (Graph drive id) inside <see cref="SiteId"/>.</summary>
    public string? DriveId { get; set; }

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Graph endpoint; tests point it at their fake server.</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>Development stand-in for SharePoint (default: .data/e-akte below the content root).</summary>
    public string? LocalFolder { get; set; }

    /// <summary>Internal names of the library's columns (display names: Kategorie, Maßnahmenummer, Träger, Dokumentart).</summary>
    public string FieldKategorie { get; set; } = "Kategorie";
    public string FieldMassnahmenummer { get; set; } = "Massnahmenummer";
    public string FieldTraeger { get; set; } = "Traeger";
    public string FieldDokumentart { get; set; } = "Dokumentart";

    /// <summary>Longest relative path (folders + file name). SharePoint allows 400 characters for the whole decoded
    /// path including the library's server-relative URL: lower this by that prefix if it is long.</summary>
    public int MaxPathLength { get; set; } = SharePointNames.MaxPathLength;

    /// <summary>Up to this size a document is sent with one PUT …/content; above it through an upload session.</summary>
    public long SimpleUploadMaxBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Largest document accepted (and smallest: 1 byte).</summary>
    public long MaxDocumentBytes { get; set; } = 250L * 1024 * 1024;

    /// <summary>Upload session slice; Graph requires a multiple of 320 KiB.</summary>
    public int UploadSliceBytes { get; set; } = 16 * 320 * 1024;

    /// <summary>Graph SDK retry handler: retries per request on 429/503/504 (Retry-After honoured, else exponential
    /// backoff from <see cref="GraphRetryDelaySeconds"/>).</summary>
    public int GraphMaxRetries { get; set; } = 3;
    public int GraphRetryDelaySeconds { get; set; } = 3;

    /// <summary>Attempts per job before it is parked (permanent errors such as 403 park at once).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long one attempt owns a job (queue visibility and row lease).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Backoff between attempts when Graph sent no Retry-After: RetryDelay · 2^(attempt−1), capped.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>The sender on generated documents.</summary>
    public string JobcenterName { get; set; } = "Jobcenter Musterstadt";
    public string JobcenterOrt { get; set; } = "Musterstadt";
    public string JobcenterAnschrift { get; set; } = "Musterstraße 1, 12345 Musterstadt";

    public Documents.JobcenterInfo Jobcenter => new(JobcenterName, JobcenterOrt, JobcenterAnschrift);

    public bool HasGraphTarget => !string.IsNullOrWhiteSpace(SiteId) || !string.IsNullOrWhiteSpace(DriveId);

    /// <summary>
    /// Checks the settings; returns null if they are usable, else one German sentence naming the setting to fix.
    /// <paramref name="graphRequired"/>: outside Development a Graph target is mandatory.
    /// </summary>
    public string? Problem(bool graphRequired)
    {
        if (!HasGraphTarget)
            return graphRequired
                ? "E-Akte nicht konfiguriert: Filing:SiteId (SharePoint-Website) und Filing:DriveId (Dokumentbibliothek) setzen; Anmeldung über die Managed Identity oder Filing:TenantId, Filing:ClientId und Filing:ClientSecret (siehe docs/filing.md)."
                : null;
        if (string.IsNullOrWhiteSpace(SiteId))
            return "E-Akte unvollständig konfiguriert: Filing:SiteId fehlt (Filing:DriveId ist gesetzt).";
        if (string.IsNullOrWhiteSpace(DriveId))
            return "E-Akte unvollständig konfiguriert: Filing:DriveId fehlt (Filing:SiteId ist gesetzt).";
        if (!string.IsNullOrWhiteSpace(ClientSecret))
        {
            if (string.IsNullOrWhiteSpace(TenantId))
                return "E-Akte: Filing:ClientSecret ist gesetzt, aber Filing:TenantId fehlt.";
            if (string.IsNullOrWhiteSpace(ClientId))
                return "E-Akte: Filing:ClientSecret ist gesetzt, aber Filing:ClientId fehlt.";
        }
        if (!Uri.TryCreate(GraphBaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("https" or "http"))
            return $"E-Akte: Filing:GraphBaseUrl „{GraphBaseUrl}“ ist keine gültige URL.";
        if (UploadSliceBytes <= 0 || UploadSliceBytes % (320 * 1024) != 0)
            return "E-Akte: Filing:UploadSliceBytes muss ein Vielfaches von 327680 (320 KiB) sein.";
        return null;
    }
}
