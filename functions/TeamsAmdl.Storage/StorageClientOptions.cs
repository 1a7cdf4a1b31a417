using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>
/// Options for all storage clients. Retry (408/429/500/502/503/504, Retry-After), logging, transport and
/// custom policies come from Azure.Core's <see cref="ClientOptions"/>.
/// </summary>
public class StorageClientOptions : ClientOptions
{
    public const string DefaultServiceVersion = "2021-12-02";

    public StorageClientOptions()
    {
        // Azure.Core redacts unknown headers/query parameters in logs and exception messages; these carry no secrets
        // and are what one needs to read a storage failure.
        foreach (var header in new[]
                 {
                     "x-ms-error-code", "x-ms-version", "x-ms-date", "x-ms-blob-type", "x-ms-continuation-NextPartitionKey",
                     "x-ms-continuation-NextRowKey", "x-ms-time-next-visible", "DataServiceVersion", "Prefer", "Location",
                 })
            Diagnostics.LoggedHeaderNames.Add(header);
        foreach (var parameter in new[]
                 {
                     "restype", "comp", "prefix", "marker", "maxresults", "include", "numofmessages", "visibilitytimeout",
                     "messagettl", "peekonly", "$top", "$select",
                 })
            Diagnostics.LoggedQueryParameters.Add(parameter);
    }

    /// <summary>Sent as x-ms-version.</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;
}
