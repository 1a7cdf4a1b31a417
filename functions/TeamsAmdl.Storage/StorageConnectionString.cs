namespace TeamsAmdl.Storage;

/// <summary>
/// An Azure Storage connection string: account, shared key and the three service endpoints.
/// Explicit endpoints (Azurite) are path-style, e.g. <c>http://127.0.0.1:10002/devstoreaccount1</c>.
/// </summary>
public sealed class StorageConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(StorageSharedKeyCredential credential, Uri blob, Uri queue, Uri table)
    {
        Credential = credential;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
    }

    public string AccountName => Credential.AccountName;
    public StorageSharedKeyCredential Credential { get; }
    public Uri BlobEndpoint { get; }
    public Uri QueueEndpoint { get; }
    public Uri TableEndpoint { get; }

    public static StorageConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException("Storage connection string is empty.");

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: account keys end in '=' padding.
            var eq = segment.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"Storage connection string has a malformed part '{segment}' (expected Name=Value).");
            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
        {
            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"));
        }

        string Required(string name) =>
            parts.TryGetValue(name, out var v) && v.Length > 0
                ? v
                : throw new FormatException($"Storage connection string is missing '{name}'.");

        var account = Required("AccountName");
        var key = Required("AccountKey");
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
            throw new FormatException($"Storage connection string has an invalid DefaultEndpointsProtocol '{protocol}'.");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");

        Uri Endpoint(string name, string service)
        {
            if (!parts.TryGetValue(name, out var explicitEndpoint))
                return new Uri($"{protocol}://{account}.{service}.{suffix}");
            return Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var uri)
                ? uri
                : throw new FormatException($"Storage connection string has an invalid '{name}' '{explicitEndpoint}'.");
        }

        return new StorageConnectionString(
            new StorageSharedKeyCredential(account, key),
            Endpoint("BlobEndpoint", "blob"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("TableEndpoint", "table"));
    }
}
