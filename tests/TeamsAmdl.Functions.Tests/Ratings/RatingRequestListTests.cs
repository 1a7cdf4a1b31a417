using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Functions.Ratings;
using static TeamsAmdl.Functions.Tests.Ratings.RatingTestSupport;

namespace TeamsAmdl.Functions.Tests.Ratings;

/// <summary>
/// GET api/ratings/requests filters and pages on the server (issue 12, item 9): ?max= bounded, the next page's token in
/// X-Continuation-Token (the body stays an array), measure and status as OData filters, German 400 for bad values; an
/// assessor sees only requests addressed to them on every page (R-SEC-2).
/// </summary>
public sealed class RatingRequestListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Measure = "962-E-2026-0103";
    private const string Assessor = "betr-05";

    /// <summary>One request per assessor (one open request per measure and assessor is the rule).</summary>
    private async Task<List<string>> CreateAsync(string measure, params string[] assessors)
    {
        var ids = new List<string>();
        foreach (var assessor in assessors)
        {
            var (status, body) = await app.CreateRequestAsync(measure, [assessor]);
            Assert.Equal(201, status);
            ids.Add((string)body["id"]!);
        }
        return ids;
    }

    private async Task<(List<string> Ids, string? Next)> PageAsync(string user, string query)
    {
        using var client = app.ClientAs(user);
        var res = await client.GetAsync("/api/ratings/requests" + query);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = (await res.Content.ReadFromJsonAsync<JsonArray>())!;
        return (body.Select(r => (string)r!["id"]!).ToList(), res.Headers.TryGetValues("X-Continuation-Token", out var v) ? v.Single() : null);
    }

    private async Task<List<string>> AllPagesAsync(string user, string query, int max)
    {
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var (ids, token) = await PageAsync(user, $"{query}&max={max}" + (next is null ? "" : "&continuation=" + Uri.EscapeDataString(next)));
            Assert.True(ids.Count <= max);
            seen.AddRange(ids);
            next = token;
            pages++;
        } while (next is not null && pages < 50);
        Assert.Null(next);
        return seen;
    }

    [Fact]
    public async Task Pages_follow_the_continuation_token_and_together_hold_every_request_once()
    {
        var created = await CreateAsync(Measure, "betr-01", "betr-02", "betr-03", "betr-04", Assessor);
        var (first, token) = await PageAsync(Coordinator, $"?measure={Measure}&max=2");
        Assert.Equal(2, first.Count);
        Assert.NotNull(token);
        var seen = await AllPagesAsync(Coordinator, $"?measure={Measure}", 2);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(created, id => Assert.Contains(id, seen));
        var (unpaged, last) = await PageAsync(Coordinator, $"?measure={Measure}");
        Assert.Null(last);
        Assert.Equal(unpaged.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Measure_and_status_filter_on_the_server_and_an_assessor_sees_only_their_own_on_every_page()
    {
        const string other = "962-E-2026-0106";
        var open = await CreateAsync(other, "betr-06", "betr-07", "betr-08");
        // Two requests to the same assessor: the first is closed before the second is sent (no two open ones).
        var mine = await CreateAsync(other, Assessor);
        using (var coordinator = app.ClientAs(Coordinator))
        {
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/ratings/requests/{open[0]}/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/ratings/requests/{mine[0]}/close", null)).StatusCode);
        }
        mine.AddRange(await CreateAsync(other, Assessor));

        var byMeasure = await AllPagesAsync(Coordinator, $"?measure={other}", 2);
        Assert.Equal(open.Concat(mine).Order(StringComparer.Ordinal), byMeasure.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { open[0], mine[0] }.Order(StringComparer.Ordinal),
            (await AllPagesAsync(Coordinator, $"?measure={other}&status=Closed", 1)).Order(StringComparer.Ordinal));
        Assert.Equal(open.Skip(1).Append(mine[1]).Order(StringComparer.Ordinal),
            (await AllPagesAsync(Coordinator, $"?measure={other}&status=open", 1)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(open[0], await AllPagesAsync(Coordinator, "?status=Open", 3));

        // Submitted: an assignment's status (checked per page; pages may be short, the token says whether more follow).
        var store = app.Service<RatingStore>();
        var assignment = (await store.LoadAsync(mine[1], CancellationToken.None))!.Assignments.Single();
        await store.UpdateAssignmentAsync(assignment with { Status = RatingStatus.Submitted, SubmittedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        Assert.Equal([mine[1]], await AllPagesAsync(Coordinator, $"?measure={other}&status=Submitted", 1));

        var own = await AllPagesAsync(Assessor, $"?measure={other}", 1);
        Assert.Equal(mine.Order(StringComparer.Ordinal), own.Order(StringComparer.Ordinal));
        Assert.Empty(await AllPagesAsync("ifk-daniel-hartwig", "?", 2));
    }

    [Theory]
    [InlineData("?max=0", "invalid_max")]
    [InlineData("?max=1001", "invalid_max")]
    [InlineData("?max=viele", "invalid_max")]
    [InlineData("?max=-1", "invalid_max")]
    [InlineData("?continuation=%%%", "invalid_continuation")]
    [InlineData("?continuation=AAAA", "invalid_continuation")]
    [InlineData("?status=1", "unknown_status")]
    public async Task Bad_paging_and_filter_values_are_a_German_400(string query, string code)
    {
        using var client = app.ClientAs(Coordinator);
        var res = await client.GetAsync("/api/ratings/requests" + query);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Matches("„(max|continuation|status)“", (string)problem["title"]!);
    }

    [Fact]
    public void The_filters_are_OData_with_quoted_values()
    {
        Assert.Equal("RowKey eq 'request'", RatingStore.RequestFilter(null, null));
        Assert.Equal("RowKey eq 'request' and MeasureNumber eq '962-''x' and Status eq 'Open'", RatingStore.RequestFilter("962-'x", "Open"));
    }
}
