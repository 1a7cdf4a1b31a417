using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Ratings;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>
/// The rating feature's start-up step is part of StartupChecks: a storage failure stops the start with one German line
/// (the demo part only warns: covered by the Production apps with Seed:Demo and no bot identity, which start).
/// </summary>
public sealed class RatingsStartupTests
{
    [Fact]
    public async Task Storage_that_refuses_the_rating_tables_stops_the_start_with_one_line()
    {
        var closedPort = Azurite.FreePort();
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        var service = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;",
            options);
        var tables = new RatingTables(new Tables(service, "t"));
        var startup = new RatingsStartup(tables, new TemplateStore(tables, TimeProvider.System, NullLogger<TemplateStore>.Instance),
            demo: null!, new Lazy<Proactive>(() => throw new InvalidOperationException("not reached")),
            new ConfigurationBuilder().Build(), env: null!, NullLogger<RatingsStartup>.Instance);

        var e = await Assert.ThrowsAsync<StartupException>(() => startup.RunAsync(CancellationToken.None));

        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("Lieferantenbewertung:", e.Message);
    }
}
