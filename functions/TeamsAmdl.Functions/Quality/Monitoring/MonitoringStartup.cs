using Azure.Identity;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>The monitoring feature's part of the start-up sequence (<see cref="Hosting.StartupChecks"/>): creates its tables.</summary>
public sealed class MonitoringStartup(MonitoringTables tables)
{
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await tables.CreateAllAsync(ct);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AuthenticationFailedException or AggregateException)
        {
            throw new StartupException(MonitoringTexts.StartFailed + StorageSetup.Short(e));
        }
    }
}
