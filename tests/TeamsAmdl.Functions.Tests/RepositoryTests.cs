using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Seeding;
using Azure.Data.Tables;
using TeamsAmdl.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeamsAmdl.Functions.Tests;

/// <summary>Repositories and the place allocator against Azurite (own table prefix per test).</summary>
public sealed class RepositoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly FakeTime _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    private readonly Tables _tables = new(new TableServiceClient(Azurite.ConnectionString), Azurite.UniqueName("r")[..12]);

    private async Task<(MeasureRepository Measures, PlaceAllocator Allocator)> SetUpAsync()
    {
        await _tables.CreateAllAsync();
        var measures = new MeasureRepository(_tables);
        return (measures, new PlaceAllocator(_tables, measures, _time));
    }

    private static Measure Agh(string number, int places) => Measure.Create(number, "AGH Test", MeasureKind.Agh, "§ 16d SGB II",
        "tr-x", "Musterstadt", new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30), Capacity.Create(MeasureKind.Agh, places), null,
        "betr-01", "koord-weber", "team-u25");

    [Fact]
    public async Task Fifty_parallel_requests_for_the_last_three_places_give_exactly_three()
    {
        var (measures, allocator) = await SetUpAsync();
        await measures.UpsertAsync(Agh("M-RACE", 10));
        // 7 of 10 places taken: entered participants, one reservation.
        await _tables.Measures.SubmitTransactionAsync(Enumerable.Range(1, 6).Select(i => new TableTransactionAction(
            TableTransactionActionType.Add, PlaceEntity.From(new Participation("M-RACE", $"TN-00{i}-AA", new DateOnly(2026, 2, i)), _time.GetUtcNow()))));
        Assert.Equal(ReservationStatus.Reserved, (await allocator.TryReserveAsync("M-RACE", "TN-0100-ZZ", "ifk-a")).Status);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => allocator.TryReserveAsync("M-RACE", $"TN-{i:0000}-XY", $"ifk-{i}"))));

        Assert.Equal(3, outcomes.Count(o => o.Status == ReservationStatus.Reserved));
        var refused = outcomes.Where(o => o.Status != ReservationStatus.Reserved).ToList();
        Assert.Equal(47, refused.Count);
        Assert.All(refused, o =>
        {
            Assert.Equal(ReservationStatus.Refused, o.Status);
            Assert.Equal(AllocationRefusal.NoPlaceFree, o.Refusal);
            Assert.Equal(PlaceAllocation.NoPlaceFreeMessage, o.Message);
        });

        var state = (await measures.GetAsync("M-RACE", Today))!;
        Assert.Equal(6, Occupancy.On(state.Participations, Today));
        Assert.Equal(4, state.ReservedRefs.Count);
        Assert.Equal(0, Occupancy.FreePlaces(state.Measure, state.Participations, state.ReservedRefs.Count, Today));
        Assert.Equal(4, state.AllocationVersion);
    }

    [Fact]
    public async Task Refusals_and_duplicates_write_nothing()
    {
        var (measures, allocator) = await SetUpAsync();
        await measures.UpsertAsync(Agh("M-ONE", 1));
        Assert.Equal(ReservationStatus.Reserved, (await allocator.TryReserveAsync("M-ONE", "tn-1234-ab", "ifk-a")).Status);
        var dup = await allocator.TryReserveAsync("M-ONE", "TN-1234-AB", "ifk-b");
        Assert.Equal(ReservationStatus.AlreadyReserved, dup.Status);
        Assert.Equal(ReservationStatus.Refused, (await allocator.TryReserveAsync("M-ONE", "TN-9999-CD", "ifk-b")).Status);
        Assert.Equal(ReservationStatus.UnknownMeasure, (await allocator.TryReserveAsync("M-NONE", "TN-9999-CD", "ifk-b")).Status);
        Assert.Throws<DomainValidationException>(() => CustomerReference.Normalize("Anna Schmidt"));
        await Assert.ThrowsAsync<DomainValidationException>(() => allocator.TryReserveAsync("M-ONE", "MUELLER", "ifk-b"));

        var state = (await measures.GetAsync("M-ONE", Today))!;
        Assert.Equal(["TN-1234-AB"], state.ReservedRefs);
        Assert.Equal(1, state.AllocationVersion);
    }

    [Fact]
    public async Task Upserting_master_data_keeps_the_allocation_version_and_places()
    {
        var (measures, allocator) = await SetUpAsync();
        await measures.UpsertAsync(Agh("M-KEEP", 5));
        await allocator.TryReserveAsync("M-KEEP", "TN-0001-AA", "ifk-a");
        await measures.UpsertAsync(Agh("M-KEEP", 6) with { Title = "AGH Test (geändert)" });
        var state = (await measures.GetAsync("M-KEEP", Today))!;
        Assert.Equal("AGH Test (geändert)", state.Measure.Title);
        Assert.Equal(6, state.Measure.Capacity.Places);
        Assert.Equal(1, state.AllocationVersion);
        Assert.Single(state.ReservedRefs);
    }

    [Fact]
    public async Task Ended_participations_do_not_come_back_in_the_list()
    {
        var (measures, _) = await SetUpAsync();
        await measures.UpsertAsync(Agh("M-LIST", 5));
        await _tables.Measures.AddEntityAsync(PlaceEntity.From(new Participation("M-LIST", "TN-0001-AA", new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 31), ExitReason.RegulaeresEnde), _time.GetUtcNow()));
        await _tables.Measures.AddEntityAsync(PlaceEntity.From(new Participation("M-LIST", "TN-0002-AA", new DateOnly(2026, 2, 1), Today), _time.GetUtcNow()));
        await _tables.Measures.AddEntityAsync(PlaceEntity.From(new Participation("M-LIST", "TN-0003-AA", new DateOnly(2026, 3, 1)), _time.GetUtcNow()));
        var state = Assert.Single(await measures.ListAsync(Today));
        Assert.Equal(["TN-0002-AA", "TN-0003-AA"], state.Participations.Select(p => p.CustomerRef).Order());
        Assert.Equal(2, Occupancy.On(state.Participations, Today));
        Assert.Equal(1, Occupancy.On(state.Participations, Today.AddDays(1)));
    }

    [Fact]
    public async Task Staff_lookup_by_id_email_and_aad_object_id()
    {
        await _tables.CreateAllAsync();
        var staff = new StaffRepository(_tables);
        var s = new Staff("betr-x", "Erika Beispiel", "Erika.Beispiel@Jobcenter.example", "team-u25",
            new HashSet<StaffRole> { StaffRole.Betreuer, StaffRole.Ifk }, "0f8fad5b-d9cb-469f-a165-70867728950e");
        await staff.UpsertAsync(s);
        Assert.Equal("betr-x", (await staff.FindByIdOrEmailAsync("erika.beispiel@jobcenter.example"))!.Id);
        Assert.Equal("betr-x", (await staff.FindByIdOrEmailAsync("betr-x"))!.Id);
        var byOid = await staff.FindByAadObjectIdAsync("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.True(byOid!.Has(StaffRole.Ifk) && byOid.Has(StaffRole.Betreuer) && !byOid.Has(StaffRole.Koordinator));
        Assert.Null(await staff.FindByIdOrEmailAsync("x'or'1'eq'1@jobcenter.example"));
    }

    [Fact]
    public async Task Synced_staff_are_found_by_object_id_with_a_point_read_and_demo_rows_only_where_demo_rows_exist()
    {
        await _tables.CreateAllAsync();
        const string synced = "5b0c3e1a-7f2d-4c6b-9a8e-1d2c3b4a5f60", demo = "6c1d4f2b-8a3e-4d7c-8b9f-2e3d4c5b6a71";
        var production = new StaffRepository(_tables, demoRows: false);
        await production.UpsertAsync(new Staff(synced, "Erika Beispiel", "erika@jobcenter.example", "team-u25",
            new HashSet<StaffRole> { StaffRole.Ifk }, AadObjectId: synced));
        await production.UpsertAsync(new Staff("ifk-demo", "Max Demo", "max@jobcenter.example", "team-u25",
            new HashSet<StaffRole> { StaffRole.Ifk }, AadObjectId: demo));

        Assert.Equal(synced, (await production.FindByAadObjectIdAsync(synced))!.Id);
        Assert.Null(await production.FindByAadObjectIdAsync(demo)); // no demo rows outside the demo: no filter query
        Assert.Equal("ifk-demo", (await new StaffRepository(_tables, demoRows: true).FindByAadObjectIdAsync(demo))!.Id);
        Assert.Null(await production.FindByAadObjectIdAsync("ifk-demo")); // an id that is no object id
        // A row keyed by an object id that belongs to someone else is no match.
        await production.UpsertAsync(new Staff("7d2e5a3c-9b4f-4e8d-8c0a-3f4e5d6c7b82", "Falsch", "f@jobcenter.example", "t",
            new HashSet<StaffRole>(), AadObjectId: synced));
        Assert.Null(await production.FindByAadObjectIdAsync("7d2e5a3c-9b4f-4e8d-8c0a-3f4e5d6c7b82"));
    }

    [Fact]
    public async Task Demo_seed_is_idempotent()
    {
        await _tables.CreateAllAsync();
        var staff = new StaffRepository(_tables);
        var measures = new MeasureRepository(_tables);
        var seeder = new DemoSeeder(_tables, new TraegerRepository(_tables), staff, measures, _time, NullLogger<DemoSeeder>.Instance);
        Assert.True(await seeder.SeedAsync());
        var first = await measures.ListAsync(Today);
        Assert.False(await seeder.SeedAsync());
        var second = await measures.ListAsync(Today);
        Assert.Equal(first.Count, second.Count);
        Assert.Equal(first.Sum(m => m.Participations.Count), second.Sum(m => m.Participations.Count));
        Assert.True(first.Count >= 25);
        Assert.True((await staff.ListAsync()).Count >= 40);
        Assert.True((await new TraegerRepository(_tables).ListAsync()).Count >= 10);
        Assert.True((await staff.ListTeamsAsync()).Count >= 3);
        // R-SEC-1: only pseudonymous references.
        Assert.All(first.SelectMany(m => m.Participations), p => Assert.True(CustomerReference.IsValid(p.CustomerRef), p.CustomerRef));
    }
}
