using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Tests.Ratings;

namespace TeamsAmdl.Functions.Tests.Quality;

/// <summary>
/// The app without the demo Jobcenter and without a running outbox worker: the month-end test seeds its own five
/// measures, so the cards hold exactly them, and counts what is queued.
/// </summary>
public sealed class EmptyJobcenterAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("AzureWebJobs.outbox-deliver.Disabled", "true");
    }
}

/// <summary>Writes measures, staff and participations straight into the app's tables.</summary>
public static class MonitoringTestSupport
{
    public static async Task SeedAsync(this AppFactory app, IEnumerable<Team> teams, IEnumerable<Traeger> traeger, IEnumerable<Staff> staff,
        IEnumerable<Measure> measures, IEnumerable<Participation> participations)
    {
        var staffRepo = app.Service<StaffRepository>();
        foreach (var t in teams) await staffRepo.UpsertTeamAsync(t);
        foreach (var s in staff) await staffRepo.UpsertAsync(s);
        foreach (var t in traeger) await app.Service<TraegerRepository>().UpsertAsync(t);
        foreach (var m in measures) await app.Service<MeasureRepository>().UpsertAsync(m);
        var table = app.Service<Tables>().Measures;
        foreach (var p in participations)
            await table.UpsertEntityAsync(PlaceEntity.From(p, app.Time.GetUtcNow()), TableUpdateMode.Replace);
    }

    public static Staff Person(string id, string name, string team, params StaffRole[] roles) =>
        new(id, name, $"{id}@jobcenter-test.example", team, roles.ToHashSet(), AadObjectId: Guid.NewGuid().ToString());
}
