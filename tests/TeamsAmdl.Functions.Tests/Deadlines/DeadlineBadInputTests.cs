using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Deadlines;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// Bad input to the deadline API on Azurite (today 21.11.2026): a contact CSV with an unknown participant, a month or date
/// in the future, a negative count, personal data in the Bemerkung, a month without contact duty — each refuses the whole
/// file with a German reason naming the line, and nothing is stored. Ticks by the wrong people or of unknown items neither.
/// </summary>
public sealed class DeadlineBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Lap = "962-L-BAD-0001";
    private const string Betreuer = "betr-02";
    private const string Header = "Kundenreferenz;Monat;Art;Anzahl;Bemerkung\n";

    private async Task SetUpAsync()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        if (await app.Services.GetRequiredService<Repositories.MeasureRepository>().GetAsync(Lap, D("2026-11-21")) is not null) return;
        await app.AddMeasureAsync(Lap, MeasureKind.LapProjekt, Betreuer, "koord-weber", D("2026-09-01"), D("2027-08-31"));
        await app.AddParticipationAsync(new Participation(Lap, "TN-9100-01", D("2026-10-01"), IfkId: "ifk-lukas-braun"));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ImportAsync(string user, string measure, string csv)
    {
        using var response = await app.ClientAs(user).PostAsync($"/api/deadlines/{measure}/contacts", Csv(csv));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<int> StoredAsync() =>
        await app.Services.GetRequiredService<DeadlineTables>().Contacts
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Lap}")).CountAsync();

    [Theory]
    [InlineData("TN-9999-99;10.2026;persönlich;2;", "Zeile 2: TN-9999-99 nimmt an dieser Maßnahme nicht teil und ist auch nicht in der Nachbetreuung.")]
    [InlineData("TN-9100-01;12.2026;persönlich;2;", "Zeile 2: Der Monat 12.2026 liegt in der Zukunft: Kontakte werden erst nach dem Monat gemeldet.")]
    [InlineData("TN-9100-01;25.11.2026;persönlich;1;", "Zeile 2: Der Monat 25.11.2026 liegt in der Zukunft")]
    [InlineData("TN-9100-01;10.2026;persönlich;-1;", "Zeile 2: Die Anzahl -1 ist negativ: bitte eine ganze Zahl ab 0.")]
    [InlineData("TN-9100-01;10.2026;persönlich;zwei;", "Zeile 2: „zwei“ ist keine Anzahl")]
    [InlineData("TN-9100-01;10.2026;Brieftaube;1;", "Zeile 2: „Brieftaube“ ist keine Kontaktart.")]
    [InlineData("TN-9100-01;10.2026;persönlich;2;Rückruf unter 0171 2345678", "Zeile 2: Im Feld „Bemerkung“ steht etwas, das wie")]
    [InlineData("TN-9100-01;09.2026;persönlich;2;", "Zeile 2: Für TN-9100-01 besteht im Monat 09.2026 keine Kontaktpflicht")]
    [InlineData("TN-9100-01;Oktober;persönlich;2;", "Zeile 2: „Oktober“ ist kein Monat")]
    public async Task A_bad_line_refuses_the_file_in_German_and_stores_nothing(string line, string expected)
    {
        await SetUpAsync();
        // The good line after the bad one is not stored either: all or nothing.
        var (status, body) = await ImportAsync(Betreuer, Lap, Header + line + "\nTN-9100-01;10.2026;persönlich;3;\n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_rows", (string?)body["code"]);
        Assert.StartsWith(DeadlineTexts.ContactsRefused, (string?)body["title"]);
        Assert.Contains(expected, (string?)body["title"]);
        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task Wrong_header_wrong_people_and_other_kinds_are_refused_and_a_good_file_is_stored()
    {
        await SetUpAsync();
        var header = await ImportAsync(Betreuer, Lap, "Ref;Wann;Was\nTN-9100-01;10.2026;persönlich\n");
        Assert.Equal((HttpStatusCode.BadRequest, DeadlineTexts.ContactsHeader), (header.Status, (string?)header.Body["title"]));
        var ifk = await ImportAsync("ifk-lukas-braun", Lap, Header + "TN-9100-01;10.2026;persönlich;2;\n");
        Assert.Equal((HttpStatusCode.Forbidden, DeadlineTexts.ContactsForbidden), (ifk.Status, (string?)ifk.Body["title"]));
        var notLap = await ImportAsync("koord-weber", "962-E-2026-0104", Header + "TN-0104-01;10.2026;persönlich;2;\n");
        Assert.Equal((HttpStatusCode.BadRequest, DeadlineTexts.NotLap), (notLap.Status, (string?)notLap.Body["title"]));
        Assert.Equal(0, await StoredAsync());

        var good = await ImportAsync(Betreuer, Lap, Header + "TN-9100-01;10.2026;persönlich;1;\nTN-9100-01;10.2026;Krankheit;4;\nTN-9100-01;11.2026;persönlich;2;Hausbesuch\n");
        Assert.True(good.Status == HttpStatusCode.OK, good.Body.ToJsonString());
        Assert.Equal(2, (int?)good.Body["stored"]);
        Assert.Equal("TN-9100-01 10.2026", (string?)good.Body["belowMinimum"]![0]);
        Assert.Equal(2, await StoredAsync());
    }

    [Fact]
    public async Task Ticks_need_the_Betreuer_or_Koordination_and_a_known_item()
    {
        await SetUpAsync();
        async Task<(HttpStatusCode, string?)> TickAsync(string user, object body)
        {
            using var r = await app.ClientAs(user).PostAsync($"/api/deadlines/{Lap}/received", JsonContent(body));
            return (r.StatusCode, (string?)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["title"]);
        }
        Assert.Equal((HttpStatusCode.Forbidden, DeadlineTexts.MarkForbidden), await TickAsync("ifk-lukas-braun", new { key = "Erwartungsbogen:TN-9100-01:2026-10-01" }));
        Assert.Equal((HttpStatusCode.NotFound, DeadlineTexts.UnknownItem("Feedbackbogen:TN-9100-01:2026-10-01")),
            await TickAsync(Betreuer, new { key = "Feedbackbogen:TN-9100-01:2026-10-01" }));
        Assert.Equal((HttpStatusCode.BadRequest, DeadlineTexts.KeyMissing), await TickAsync(Betreuer, new { key = " " }));
        var marks = await app.Services.GetRequiredService<DeadlineTables>().Marks
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Lap}")).CountAsync();
        Assert.Equal(0, marks);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
