using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Functions.Tests.FreePlaces;

namespace TeamsAmdl.Functions.Tests.Participants;

/// <summary>Calls of the participant tests: a place request confirmed by the Betreuer, the participant routes.</summary>
internal static class ParticipantTestSupport
{
    /// <summary>The IFK requests a place for <paramref name="customerRef"/> and the Betreuer confirms it; returns the request id.</summary>
    public static async Task<string> ConfirmedRequestAsync(this FreePlacesAppFactory app, string number, string ifk, string betreuer, string customerRef)
    {
        var created = await app.As(ifk).PostAsJsonAsync($"/api/measures/{number}/requests", new { customerRef });
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(created.StatusCode == HttpStatusCode.Created, FreePlacesAppFactory.Text(body));
        var id = (string)body["id"]!;
        var confirmed = await app.As(betreuer).PostAsync($"/api/freeplaces/requests/{number}/{id}/confirm", null);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> EnterAsync(this FreePlacesAppFactory app, string user, string number,
        string customerRef, string? entryDate) =>
        await SendAsync(app.As(user).PostAsJsonAsync($"/api/measures/{number}/participants", new { customerRef, entryDate }));

    public static async Task<(HttpStatusCode Status, JsonNode Body)> ListAsync(this FreePlacesAppFactory app, string user, string number) =>
        await SendAsync(app.As(user).GetAsync($"/api/measures/{number}/participants"));

    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(this FreePlacesAppFactory app, string user, string path, object body) =>
        await SendAsync(app.As(user).PostAsJsonAsync(path, body));

    private static async Task<(HttpStatusCode, JsonNode)> SendAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static string Text(JsonNode node) => FreePlacesAppFactory.Text(node);
}
