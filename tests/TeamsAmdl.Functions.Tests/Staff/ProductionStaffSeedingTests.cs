using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>A demo installation in Production (Seed:Demo=true) with Entra groups mapped: staff come only from the sync.</summary>
public sealed class ProductionWithGroupsFactory : AppFactory
{
    protected override string Environment => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Staff:Groups:0:GroupId", FakeEntraGraph.Ifk);
        builder.UseSetting("Staff:Groups:0:Roles", "Ifk");
    }
}

public sealed class ProductionStaffSeedingTests(ProductionWithGroupsFactory app) : IClassFixture<ProductionWithGroupsFactory>
{
    [Fact]
    public async Task In_production_with_mapped_groups_no_demo_staff_are_seeded()
    {
        _ = app.CreateClient(); // start: demo seeding ran
        Assert.NotEmpty(await app.Services.GetRequiredService<MeasureRepository>().ListAsync(DateOnly.FromDateTime(AppFactory.Now.UtcDateTime)));
        Assert.Empty(await app.Services.GetRequiredService<StaffRepository>().ListAsync());
    }
}
