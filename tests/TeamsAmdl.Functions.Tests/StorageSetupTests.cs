using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// The storage clients come from one place (AddStorage): a connection string locally, in Azure the account name with
/// the managed identity (no key). Only the endpoints are checked here; the token itself needs Azure.
/// </summary>
public sealed class StorageSetupTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddStorage()
            .BuildServiceProvider();

    [Fact]
    public void Account_name_means_the_accounts_https_endpoints_with_a_token_credential()
    {
        using var sp = Services(new() { ["Storage:AccountName"] = "stjobcenter" });
        Assert.Equal(new Uri("https://stjobcenter.table.core.windows.net/"), sp.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://stjobcenter.queue.core.windows.net/"), sp.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://stjobcenter.blob.core.windows.net/"), sp.GetRequiredService<BlobServiceClient>().Uri);
        // No shared key anywhere: a client built from a token credential cannot sign SAS URIs itself.
        Assert.False(sp.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri);
    }

    [Fact]
    public void No_setting_names_both_settings()
    {
        using var sp = Services(new());
        var e = Assert.Throws<StartupException>(() => sp.GetRequiredService<TableServiceClient>());
        Assert.Contains("Storage:ConnectionString", e.Message);
        Assert.Contains("Storage:AccountName", e.Message);
    }
}
