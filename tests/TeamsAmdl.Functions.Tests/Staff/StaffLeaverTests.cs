using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Staffing;
using TeamsAmdl.Functions.Tests.Bot;
using static TeamsAmdl.Functions.Tests.Staffing.FakeEntraGraph;

namespace TeamsAmdl.Functions.Tests.Staffing;

/// <summary>Leavers: removed from every mapped group → deactivated (kept), no cards, refused with a German 403; back → active again.</summary>
public sealed class StaffLeaverTests(StaffAppFactory app) : IClassFixture<StaffAppFactory>
{
    [Fact]
    public async Task A_member_removed_from_every_group_is_deactivated_gets_no_cards_and_may_do_nothing()
    {
        _ = app.CreateClient();
        var sync = app.Service<StaffSync>();
        await sync.RunAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await app.As(U(9)).GetAsync("/api/digest/me")).StatusCode);

        app.Graph.Remove(Ifk, U(9));
        // Graph fails half way: a German 502, and nobody is deactivated for it.
        app.Graph.FailOnce(500);
        var failed = await app.As(U(1)).PostAsync("/api/staff/sync", null);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(StaffTexts.GraphFailed(500), (string?)(await failed.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        Assert.True((await app.Service<StaffRepository>().GetAsync(U(9)))!.Active);

        var result = await sync.RunAsync(CancellationToken.None);

        Assert.Equal((0, 0, 1, 11), (result.Added, result.Changed, result.Deactivated, result.Unchanged));
        var leaver = (await app.Service<StaffRepository>().GetAsync(U(9)))!; // kept: history refers to it
        Assert.False(leaver.Active);
        Assert.Equal("Sebastian Lange", leaver.DisplayName);
        // A second sync does not deactivate again.
        Assert.Equal(0, (await sync.RunAsync(CancellationToken.None)).Deactivated);

        // Cannot act: API 403 with a German reason, card actions 403.
        var refused = await app.As(U(9)).GetAsync("/api/digest/me");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("staff_deactivated", (string?)problem["code"]);
        Assert.Equal(StaffTexts.Deactivated, (string?)problem["title"]);
        var invoke = TestActivities.Invoke("ifk-laura-krueger", "ping");
        invoke["from"]!["aadObjectId"] = U(9);
        var answer = await app.PostActivityAsync(invoke);
        Assert.Equal(403, (int?)answer!["statusCode"]);
        Assert.Equal(StaffTexts.Deactivated, (string?)answer["value"]!["message"]);

        // No cards: nothing is queued (nor held for installation) for the leaver.
        var proactive = app.Service<Proactive>();
        var queued = await proactive.SendCardAsync([(leaver, "test:leaver:1")], _ => WelcomeCard.Build(new WelcomeCardData("Sebastian Lange")), CancellationToken.None);
        Assert.Empty(queued.Enqueued);
        Assert.Null(await proactive.Outbox.GetAsync("test:leaver:1"));
        Assert.Empty(await app.Service<PendingCardStore>().ListAsync(U(9), CancellationToken.None));

        // Back in a group: active again.
        app.Graph.Add(Ifk, U(9));
        Assert.Equal(1, (await sync.RunAsync(CancellationToken.None)).Changed);
        Assert.True((await app.Service<StaffRepository>().GetAsync(U(9)))!.Active);
        Assert.Equal(HttpStatusCode.OK, (await app.As(U(9)).GetAsync("/api/digest/me")).StatusCode);
    }
}
