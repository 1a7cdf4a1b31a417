using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions;

/// <summary>
/// Storage settings: Storage:ConnectionString (Azurite, or an account key) or Storage:AccountName (managed
/// identity in Azure through DefaultAzureCredential, no secret). Storage:TablePrefix optionally prefixes every table,
/// queue and container name. The three service clients are registered here once (Microsoft.Extensions.Azure) and
/// injected everywhere else.
/// </summary>
public static class StorageSetup
{
    /// <summary>
    /// Registers <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/>.
    /// The settings are read when a client is first resolved (test hosts add theirs after Program started), so a
    /// missing setting surfaces as <see cref="StartupException"/> in <see cref="EnsureReachableAsync"/>.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => new DefaultAzureCredential());
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
                Create(sp, cs => new TableServiceClient(cs, options), account => new TableServiceClient(Endpoint(account, "table"), credential, options)));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, sp) =>
                Create(sp, cs => new BlobServiceClient(cs, options), account => new BlobServiceClient(Endpoint(account, "blob"), credential, options)));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, sp) =>
            {
                // What the producers write today: plain UTF-8 text, no Base64 (the SDK's default, stated on purpose).
                options.MessageEncoding = QueueMessageEncoding.None;
                return Create(sp, cs => new QueueServiceClient(cs, options), account => new QueueServiceClient(Endpoint(account, "queue"), credential, options));
            });
        });
        // AddAzureClients forwards the SDK's event source into ILogger: one Information line per request and response
        // (with all headers) would drown the app's own logs. Warnings (failed requests) stay.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("Azure", LogLevel.Warning));
        return services;
    }

    /// <summary>Queue and container names get the prefix too, lower-cased (their names allow no upper case).</summary>
    public static string Prefixed(IConfiguration config, string name) => ((config["Storage:TablePrefix"] ?? "") + name).ToLowerInvariant();

    private static T Create<T>(IServiceProvider sp, Func<string, T> fromConnectionString, Func<string, T> fromAccount)
    {
        var config = sp.GetRequiredService<IConfiguration>();
        var cs = config["Storage:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(cs)) return fromConnectionString(cs);
        var account = config["Storage:AccountName"];
        if (!string.IsNullOrWhiteSpace(account)) return fromAccount(account);
        throw new StartupException(
            "Speicher nicht konfiguriert: Storage:ConnectionString (lokal: Azurite, ./run.sh setzt das) oder Storage:AccountName (Azure, Managed Identity) setzen.");
    }

    private static Uri Endpoint(string account, string service) => new($"https://{account}.{service}.core.windows.net");

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
    internal static string Short(Exception e) =>
        (e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e).Message.Split('\n')[0].Trim();
}

/// <summary>A configuration or environment problem at start: Program prints the message as one line and exits.</summary>
public sealed class StartupException(string message) : Exception(message);
