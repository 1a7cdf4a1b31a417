using Azure.Identity;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions;

/// <summary>
/// Storage settings: Storage:ConnectionString (Azurite, or an account key) or Storage:AccountName (managed
/// identity in Azure, no secret). Storage:TablePrefix optionally prefixes every table name.
/// </summary>
public static class StorageSetup
{
    public static TableServiceClient CreateTableService(IConfiguration config) =>
        Create(config, cs => new TableServiceClient(cs), (account, cred) => new TableServiceClient(Endpoint(account, "table"), cred));

    public static QueueServiceClient CreateQueueService(IConfiguration config) =>
        Create(config, cs => new QueueServiceClient(cs), (account, cred) => new QueueServiceClient(Endpoint(account, "queue"), cred));

    public static BlobServiceClient CreateBlobService(IConfiguration config) =>
        Create(config, cs => new BlobServiceClient(cs), (account, cred) => new BlobServiceClient(Endpoint(account, "blob"), cred));

    /// <summary>Queue and container names get the prefix too, lower-cased (their names allow no upper case).</summary>
    public static string Prefixed(IConfiguration config, string name) => ((config["Storage:TablePrefix"] ?? "") + name).ToLowerInvariant();

    private static T Create<T>(IConfiguration config, Func<string, T> fromConnectionString, Func<string, Azure.Core.TokenCredential, T> fromAccount)
    {
        var cs = config["Storage:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(cs)) return fromConnectionString(cs);
        var account = config["Storage:AccountName"];
        if (!string.IsNullOrWhiteSpace(account)) return fromAccount(account, Credential.Value);
        throw new StartupException(
            "Speicher nicht konfiguriert: Storage:ConnectionString (lokal: Azurite, ./run.sh setzt das) oder Storage:AccountName (Azure, Managed Identity) setzen.");
    }

    private static Uri Endpoint(string account, string service) => new($"https://{account}.{service}.core.windows.net");

    // One credential for all three services, so the managed-identity token is fetched once per scope.
    private static readonly Lazy<Azure.Core.TokenCredential> Credential = new(() => new DefaultAzureCredential());

    /// <summary>Creates the tables; an unreachable account becomes one line that says what to do.</summary>
    public static async Task EnsureReachableAsync(Tables tables, IConfiguration config, CancellationToken ct)
    {
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(20));
            await tables.CreateAllAsync(cts.Token);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or OperationCanceledException
            or AuthenticationFailedException or AggregateException)
        {
            var where = tables.Service.Uri.ToString();
            throw new StartupException(config["Storage:ConnectionString"] is { Length: > 0 }
                ? $"Speicher unter {where} nicht erreichbar ({Short(e)}). Lokal: Azurite starten (./run.sh tut das) oder Storage:ConnectionString korrigieren."
                : $"Speicher unter {where} nicht erreichbar ({Short(e)}). Storage:AccountName und die Rolle 'Storage Table Data Contributor' der Managed Identity prüfen.");
        }
    }

    // Azure.Core wraps the attempts of a retried call in an AggregateException; the first attempt's reason is enough.
    private static string Short(Exception e) =>
        (e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e).Message.Split('\n')[0].Trim();
}

/// <summary>A configuration or environment problem at start: Program prints the message as one line and exits.</summary>
public sealed class StartupException(string message) : Exception(message);
