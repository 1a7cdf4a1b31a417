namespace TeamsAmdl.Domain.Tests.FreePlaces;

public class SubscriptionTests
{
    private static Staff Ifk(string id, string team, params StaffRole[] roles) =>
        new(id, id, id + "@jc.example", team, (roles.Length == 0 ? [StaffRole.Ifk] : roles).ToHashSet(), AadObjectId: "aad-" + id);

    private static Measure M(string team = "team-1", string location = "Nord", MeasureKind kind = MeasureKind.Einkaufsmassnahme,
        string number = "M-1") =>
        Measure.Create(number, "Test", kind, "§ 45 SGB III", "tr", location, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
            kind == MeasureKind.DiaAm ? Capacity.Create(kind, 10, averageOccupancy: 8, contractedTm: 50m) : Capacity.Create(kind, 10), null,
            "betr-1", "koord-1", team);

    [Fact]
    public void The_default_follows_the_team_of_the_IFK()
    {
        var s = FreePlaceSubscription.DefaultFor(Ifk("ifk-1", "team-1"));
        Assert.True(s.IsDefault);
        Assert.True(s.Matches(M("team-1", "Süd", MeasureKind.Agh)));
        Assert.False(s.Matches(M("team-2")));
    }

    [Fact]
    public void Filters_combine_with_and_and_values_with_or()
    {
        var s = FreePlaceSubscription.Create("ifk-1", ["team-1", "team-2"], ["Nord"], ["DiaAm", "ubinbeq"], [], true);
        Assert.True(s.Matches(M("team-2", "Nord", MeasureKind.DiaAm)));
        Assert.True(s.Matches(M("team-1", "Nord", MeasureKind.UbInbeq)));
        Assert.False(s.Matches(M("team-1", "Süd", MeasureKind.DiaAm)));
        Assert.False(s.Matches(M("team-1", "Nord", MeasureKind.Agh)));
        Assert.False(s.Matches(M("team-3", "Nord", MeasureKind.DiaAm)));
        var all = FreePlaceSubscription.Create("ifk-1", [], null, null, null, true);
        Assert.True(all.Matches(M("team-9", "Irgendwo", MeasureKind.Gutschein)));
    }

    [Fact]
    public void Muted_measures_and_disabled_subscriptions_never_alert()
    {
        var s = FreePlaceSubscription.DefaultFor(Ifk("ifk-1", "team-1")).WithMuted("M-1", true);
        Assert.False(s.Matches(M()));
        Assert.True(s.Matches(M(number: "M-2")));
        Assert.True(s.WithMuted("M-1", false).Matches(M()));
        Assert.False((FreePlaceSubscription.DefaultFor(Ifk("ifk-1", "team-1")) with { Enabled = false }).Matches(M()));
    }

    [Theory]
    [InlineData("Zauberei")]
    [InlineData("7")]
    public void Unknown_kinds_are_refused_in_german(string kind)
    {
        var e = Assert.Throws<DomainValidationException>(() => FreePlaceSubscription.Create("ifk-1", null, null, [kind], null, true));
        Assert.Contains("Unbekannte Maßnahmeart", e.Message);
    }

    [Fact]
    public void Recipients_are_subscribed_reachable_active_IFKs_other_than_the_measures_own_Betreuer_and_Koordinator()
    {
        var staff = new[]
        {
            Ifk("ifk-a", "team-1"),
            Ifk("ifk-b", "team-2"),                                   // other team, default subscription
            Ifk("ifk-c", "team-2"),                                   // other team, subscribed to location Nord
            Ifk("ifk-muted", "team-1"),
            Ifk("ifk-off", "team-1"),
            Ifk("betr-1", "team-1", StaffRole.Betreuer, StaffRole.Ifk), // the measure's own Betreuer
            Ifk("betr-2", "team-1", StaffRole.Betreuer, StaffRole.Ifk), // another Betreuer who is also an IFK
            Ifk("koord-1", "team-1", StaffRole.Koordinator),
            Ifk("tl-1", "team-1", StaffRole.Teamleitung),
            Ifk("ifk-noaad", "team-1") with { AadObjectId = null },
            Ifk("ifk-left", "team-1") with { Active = false },          // left every Entra group: deactivated
        };
        var subs = new Dictionary<string, FreePlaceSubscription>
        {
            ["ifk-c"] = FreePlaceSubscription.Create("ifk-c", null, ["Nord"], null, null, true),
            ["ifk-muted"] = FreePlaceSubscription.DefaultFor(staff[3]).WithMuted("M-1", true),
            ["ifk-off"] = FreePlaceSubscription.DefaultFor(staff[4]) with { Enabled = false },
        };
        var ids = FreePlaceRecipients.Select(M("team-1", "Nord"), staff, subs).Select(s => s.Id);
        Assert.Equal(["betr-2", "ifk-a", "ifk-c"], ids);
    }
}
