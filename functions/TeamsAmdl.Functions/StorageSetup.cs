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
    public static TableServiceClient CreateTableService(IConfiguration config)
    {
        var cs = config["Storage:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(cs)) return new TableServiceClient(cs);
        var account = config["Storage:AccountName"];
        if (!string.IsNullOrWhiteSpace(account))
            return new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), new DefaultAzureCredential());
        throw new StartupException(
            "Speicher nicht konfiguriert: Storage:ConnectionString (lokal: Azurite, ./run.sh setzt das) oder Storage:AccountName (Azure, Managed Identity) setzen.");
    }

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
