using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// The input boundary of issue 12, one defect per test: body limits (413), media type (415), unknown addresses and
/// methods (404/405), JSON and query binding (400 naming the field or parameter, enums by name only), German wording
/// instead of internal names, and the subscription writes the route sweep found.
/// </summary>
public sealed class BoundaryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Measure = "962-E-2026-0104"; // Bewerbungswerkstatt Digital, Betreuer betr-04
    private const string Coordinator = "koord-weber";

    [Fact]
    public async Task An_unknown_address_is_a_German_404_and_a_wrong_method_a_German_405()
    {
        var client = app.ClientAs(Coordinator);
        var notFound = await client.GetAsync("/api/gibt-es-nicht");
        await AssertProblemAsync(notFound, HttpStatusCode.NotFound, "not_found", "gibt es nicht");

        var wrongVerb = await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/measures"));
        await AssertProblemAsync(wrongVerb, HttpStatusCode.MethodNotAllowed, "method_not_allowed", "PATCH");
    }

    [Fact]
    public async Task A_body_above_the_route_limit_is_a_German_413_with_or_without_content_length()
    {
        var client = app.ClientAs(Coordinator);
        var big = "{\"places\": 12, \"pad\": \"" + new string('x', 100_000) + "\"}";
        var withLength = await client.PutAsync($"/api/measures/{Measure}/capacity", new StringContent(big, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(withLength, HttpStatusCode.RequestEntityTooLarge, "body_too_large", "32 KB");

        // Chunked: no Content-Length, the middleware counts.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/json");
        var response = await client.PutAsync($"/api/measures/{Measure}/capacity", chunked);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large", "32 KB");

        // A small chunked body still reaches the function (its JSON is read from the buffer).
        var small = new StreamContent(new MemoryStream("{\"places\": \"viele\"}"u8.ToArray()));
        small.Headers.ContentType = new("application/json");
        await AssertProblemAsync(await client.PutAsync($"/api/measures/{Measure}/capacity", small), HttpStatusCode.BadRequest, "invalid_json", "places");
    }

    [Fact]
    public async Task A_route_without_body_refuses_one_and_an_unauthenticated_caller_gets_401_first()
    {
        var body = new StringContent("{}", Encoding.UTF8, "application/json");
        await AssertProblemAsync(await app.ClientAs(Coordinator).PostAsync("/api/freeplaces/scan-entry-dates", body),
            HttpStatusCode.RequestEntityTooLarge, "body_too_large", "keine Daten");
        var anonymous = await app.CreateClient().PostAsync("/api/freeplaces/scan-entry-dates", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Wrong_media_type_is_a_German_415_and_mistyped_JSON_a_400_naming_the_field_without_type_names()
    {
        var client = app.ClientAs(Coordinator);
        var form = await client.PutAsync($"/api/measures/{Measure}/capacity", new StringContent("places=3", Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(form, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", "JSON");

        var typed = await client.PutAsync($"/api/measures/{Measure}/capacity", new StringContent("{\"places\":\"viele\"}", Encoding.UTF8, "application/json"));
        var title = await AssertProblemAsync(typed, HttpStatusCode.BadRequest, "invalid_json", "„places“");
        Assert.DoesNotContain("System.", title);
        var malformed = await client.PutAsync($"/api/measures/{Measure}/capacity", new StringContent("{\"places\":", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "invalid_json", "kein gültiges JSON");
    }

    [Theory]
    [InlineData("/api/measures?kind=1", "unknown_kind")]                  // a number picked the second kind
    [InlineData("/api/filing/jobs?status=1", "unknown_status")]           // a number picked "Filed"
    [InlineData("/api/digest/weeks/current?kind=1", "unknown_kind")]       // matched nothing, 200 with an empty list
    [InlineData("/api/digest/weeks/current?state=2", "unknown_state")]
    [InlineData("/api/ratings/templates/tm-standard?version=-1", "invalid_version")] // was 404 "version -1 missing"
    [InlineData("/api/ratings/requests?status=Offen", "unknown_status")]  // matched nothing
    [InlineData("/api/ratings/tm-data?quarter=Sommer", "invalid_quarter")] // listed every quarter
    [InlineData("/api/outbox?max=-5", "invalid_max")]
    [InlineData("/api/outbox?status=2", "unknown_status")]
    public async Task Query_parameters_take_names_and_numbers_in_range_only(string url, string code)
    {
        var response = await app.ClientAs(Coordinator).GetAsync(url);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code, "„");
    }

    [Fact]
    public async Task Enum_names_still_work_in_query_parameters()
    {
        var client = app.ClientAs(Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/measures?kind=diaam")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/filing/jobs?status=Parked")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/digest/weeks/current?kind=DiaAm&state=missing")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ratings/requests?status=open")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_exit_reason_is_named_in_German_and_the_machine_names_are_a_separate_member()
    {
        var response = await app.ClientAs("betr-04").PostAsJsonAsync($"/api/measures/{Measure}/exits", new { customerRef = "TN-0104-01", reason = "1" });
        var title = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_input", "reguläres Ende");
        Assert.DoesNotContain("RegulaeresEnde", title);
        var allowed = (await response.Content.ReadFromJsonAsync<JsonObject>())!["allowed"]!.AsArray().Select(x => (string?)x);
        Assert.Contains("RegulaeresEnde", allowed);
    }

    [Fact]
    public async Task A_too_long_decline_reason_is_called_Begruendung_not_Notiz()
    {
        var response = await app.ClientAs("betr-04").PostAsJsonAsync($"/api/freeplaces/requests/{Measure}/fp-unbekannt/decline",
            new { reason = new string('x', 301) });
        var title = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_input", "„Begründung der Ablehnung“ ist zu lang");
        Assert.DoesNotContain("Notiz", title);
    }

    [Fact]
    public async Task Only_IFKs_subscribe_and_nobody_mutes_a_measure_that_does_not_exist()
    {
        var teamleitung = await app.ClientAs("tl-schubert").PutAsJsonAsync("/api/freeplaces/subscription", new { enabled = true });
        await AssertProblemAsync(teamleitung, HttpStatusCode.Forbidden, "not_ifk", "Integrationsfachkräfte");
        var unknown = await app.ClientAs("ifk-anna-zimmermann").PutAsync("/api/freeplaces/subscription/mutes/962-X-0000-0000", null);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "unknown_measure", "962-X-0000-0000");

        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(app.TablePrefix + FreePlacesStore.SubscriptionsTable);
        await table.CreateIfNotExistsAsync(); // absent when nobody has subscribed yet
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>()) rows.Add(row);
        Assert.DoesNotContain(rows, r => r.PartitionKey is "tl-schubert" or "ifk-anna-zimmermann");

        // An IFK still mutes and unmutes a real measure.
        var ifk = app.ClientAs("ifk-anna-zimmermann");
        Assert.Equal(HttpStatusCode.OK, (await ifk.PutAsync($"/api/freeplaces/subscription/mutes/{Measure}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ifk.DeleteAsync($"/api/freeplaces/subscription/mutes/{Measure}")).StatusCode);
    }

    [Fact]
    public async Task The_dev_token_route_answers_malformed_JSON_with_400()
    {
        var response = await app.CreateClient().PostAsync("/dev/token", new StringContent("{\"serviceUrl\":", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json", "JSON");
    }

    /// <summary>Status, problem media type, code, a German title containing <paramref name="titlePart"/>, no stack trace; returns the title.</summary>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string titlePart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, (string?)problem["code"]);
        var title = (string?)problem["title"] ?? "";
        Assert.Contains(titlePart, title);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        return title;
    }
}
