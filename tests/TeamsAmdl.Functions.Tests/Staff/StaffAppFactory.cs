using Azure.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Functions.DevInbox;
using TeamsAmdl.Functions.Staffing;
using TeamsAmdl.Functions.Tests.FreePlaces;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>
/// The real app (Development: dev connector as Teams) on EMPTY storage (Seed:Demo=false): staff come only from the
/// Entra sync against <see cref="FakeEntraGraph"/> (real HTTP on 127.0.0.1), the app is installed proactively through it.
/// Groups: Koordination → Koordinator+Bewerter (team Steuerung), IFK → Ifk (Team U25), Betreuung → Betreuer (Team Reha).
/// </summary>
public class StaffAppFactory : FreePlacesAppFactory
{
    public FakeEntraGraph Graph { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Seed:Demo"] = "false",
        ["Staff:Groups:0:GroupId"] = FakeEntraGraph.Koordination,
        ["Staff:Groups:0:Roles"] = "Koordinator, Bewerter",
        ["Staff:Groups:0:TeamId"] = "team-steuerung",
        ["Staff:Groups:0:TeamName"] = "Steuerung",
        ["Staff:Groups:0:TeamLocation"] = "Musterstadt",
        ["Staff:Groups:1:GroupId"] = FakeEntraGraph.Ifk,
        ["Staff:Groups:1:Roles"] = "Ifk",
        ["Staff:Groups:1:TeamId"] = "team-u25",
        ["Staff:Groups:1:TeamName"] = "Team U25",
        ["Staff:Groups:1:TeamLocation"] = "Musterstadt-Mitte",
        ["Staff:Groups:2:GroupId"] = FakeEntraGraph.Betreuung,
        ["Staff:Groups:2:Roles"] = "Betreuer",
        ["Staff:Groups:2:TeamId"] = "team-reha",
        ["Staff:Groups:2:TeamName"] = "Team Reha",
        ["Staff:GraphBaseUrl"] = Graph.BaseUrl,
        ["Staff:GraphRetryDelaySeconds"] = "1",
        ["Staff:TeamsAppCatalogId"] = FakeEntraGraph.CatalogAppId,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddKeyedSingleton<TokenCredential>(StaffGraph.CredentialKey, FakeEntraGraph.Credential));
    }

    public async Task<IReadOnlyList<DevInboxEntity>> InboxOfAsync(string aadObjectId) =>
        await Service<DevInboxStore>().ListAsync(aadObjectId, 50, CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Graph.Dispose();
    }
}
