using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Functions.FreePlaces;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// GET api/freeplaces/requests filters and pages on the server: ?max= bounded, the next page's token in
/// X-Continuation-Token (the body stays an array), German 400 for bad values; visibility (R-SEC-2) holds on every page.
/// </summary>
public sealed class PlaceRequestListTests(FreePlacesAppFactory app) : IClassFixture<FreePlacesAppFactory>
{
    private const string Open = "962-E-2026-0104";   // 10 places, 3 taken, Betreuer betr-04
    private const string Ifk = "ifk-jonas-albrecht";

    private async Task<List<string>> CreateAsync(int count, string prefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var res = await app.As(Ifk).PostAsJsonAsync($"/api/measures/{Open}/requests", new { customerRef = $"{prefix}-{i:D2}AA" });
            Assert.True(res.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{res.StatusCode}");
            ids.Add((string)(await res.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }
        return ids;
    }

    private async Task<(List<string> Ids, string? Next)> PageAsync(string user, string query)
    {
        var res = await app.As(user).GetAsync("/api/freeplaces/requests" + query);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = (await res.Content.ReadFromJsonAsync<JsonArray>())!;
        return (body.Select(r => (string)r!["id"]!).ToList(),
            res.Headers.TryGetValues("X-Continuation-Token", out var v) ? v.Single() : null);
    }

    [Fact]
    public async Task Pages_follow_the_continuation_token_until_the_last_page_has_none()
    {
        var created = await CreateAsync(5, "TN-61");
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var (ids, token) = await PageAsync(Ifk, $"?measure={Open}&max=2" + (next is null ? "" : "&continuation=" + Uri.EscapeDataString(next)));
            Assert.True(ids.Count <= 2);
            seen.AddRange(ids);
            next = token;
            pages++;
        } while (next is not null && pages < 50);
        Assert.Null(next);
        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(created, id => Assert.Contains(id, seen));
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen); // request order within the measure
    }

    [Fact]
    public async Task Filters_run_on_the_server_and_visibility_holds()
    {
        var mine = await CreateAsync(2, "TN-62");
        var (pending, _) = await PageAsync(Ifk, $"?measure={Open}&status=Pending");
        Assert.All(mine, id => Assert.Contains(id, pending));
        var (withdrawn, _) = await PageAsync(Ifk, "?status=Withdrawn");
        Assert.DoesNotContain(mine[0], withdrawn);
        // Another IFK sees none of them; the measure's Betreuer and a coordinator see them.
        var (other, _) = await PageAsync("ifk-dennis-jung", $"?measure={Open}");
        Assert.DoesNotContain(other, mine.Contains);
        var (betreuer, _) = await PageAsync("betr-04", $"?measure={Open}");
        Assert.All(mine, id => Assert.Contains(id, betreuer));
        var (coordinator, _) = await PageAsync("koord-yilmaz", $"?measure={Open}&max=1000");
        Assert.All(mine, id => Assert.Contains(id, coordinator));
    }

    [Theory]
    [InlineData("?max=0", "invalid_max")]
    [InlineData("?max=1001", "invalid_max")]
    [InlineData("?max=viele", "invalid_max")]
    [InlineData("?max=-1", "invalid_max")]
    [InlineData("?continuation=%%%", "invalid_continuation")]
    [InlineData("?continuation=AAAA", "invalid_continuation")]
    [InlineData("?status=1", "unknown_status")]
    [InlineData("?status=Irgendwas", "unknown_status")]
    [InlineData("?measure=..%2F..", "invalid_measure")]
    public async Task Bad_paging_and_filter_values_are_a_German_400(string query, string code)
    {
        var res = await app.As(Ifk).GetAsync("/api/freeplaces/requests" + query);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Matches("„(max|continuation|status|measure)“|Status", (string)problem["title"]!);
    }

    [Fact]
    public void A_caller_with_many_measures_falls_back_to_checking_rows()
    {
        var few = PlaceRequestRepository.VisibleFilter("ifk-1", ["962-A", "962-B"], null, null);
        Assert.Equal("(IfkId eq 'ifk-1' or PartitionKey eq '962-A' or PartitionKey eq '962-B')", few.Filter);
        Assert.False(few.CheckRows);
        var many = PlaceRequestRepository.VisibleFilter("betr-1", Enumerable.Range(0, 20).Select(i => $"962-{i}").ToList(), "962-3", null);
        Assert.Equal("PartitionKey eq '962-3'", many.Filter);
        Assert.True(many.CheckRows);
        Assert.Null(PlaceRequestRepository.VisibleFilter(null, [], null, null).Filter);
    }
}
