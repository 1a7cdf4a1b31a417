using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Deadlines;
using static TeamsAmdl.Functions.Tests.Deadlines.DeadlineTestSupport;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>
/// R-TN-3 "or entered in the tab" on Azurite (today 21.11.2026): one participant's personal contacts in one month go
/// through the CSV import's checks — the same bad input gives the same German reason (without "Zeile n:") and stores
/// nothing; a good entry is listed per participant and month with the "unter 2" flag and keeps what a CSV said about the
/// other kinds of contact.
/// </summary>
public sealed class ContactEntryApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Lap = "962-L-ENT-0001";
    private const string Betreuer = "betr-02";
    private const string Header = "Kundenreferenz;Monat;Art;Anzahl;Bemerkung\n";

    private async Task SetUpAsync()
    {
        _ = app.CreateClient();
        app.Time.Set(AppFactory.Now);
        if (await app.Services.GetRequiredService<Repositories.MeasureRepository>().GetAsync(Lap, D("2026-11-21")) is not null) return;
        await app.AddMeasureAsync(Lap, MeasureKind.LapProjekt, Betreuer, "koord-weber", D("2026-09-01"), D("2027-08-31"));
        await app.AddParticipationAsync(new Participation(Lap, "TN-9400-01", D("2026-10-01"), IfkId: "ifk-lukas-braun"));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> EnterAsync(string user, string measure, object body)
    {
        using var response = await app.ClientAs(user).PostAsJsonAsync($"/api/deadlines/{measure}/contacts/entry", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<List<ContactMonth>> StoredAsync() =>
        await app.Services.GetRequiredService<DeadlineTables>().Contacts
            .QueryAsync<ContactMonth>(TableClient.CreateQueryFilter($"PartitionKey eq {Lap}")).ToListAsync();

    private async Task<string> SnapshotAsync() =>
        string.Join(";", (await StoredAsync()).OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => $"{r.RowKey}={r.Personal}/{r.Other}"));

    [Theory]
    [InlineData("TN-9999-99", "2026-10", 2, "", "TN-9999-99;10.2026;persönlich;2;")]                  // unknown participant
    [InlineData("TN-9400-01", "2026-12", 2, "", "TN-9400-01;2026-12;persönlich;2;")]                  // future month
    [InlineData("TN-9400-01", "2026-10", -1, "", "TN-9400-01;10.2026;persönlich;-1;")]               // negative count
    [InlineData("TN-9400-01", "2026-10", 2, "Rückruf unter 0171 2345678", "TN-9400-01;10.2026;persönlich;2;Rückruf unter 0171 2345678")]
    [InlineData("TN-9400-01", "2026-09", 2, "", "TN-9400-01;09.2026;persönlich;2;")]                  // before the entry: no duty
    [InlineData("TN-9400-01", "Oktober", 2, "", "TN-9400-01;Oktober;persönlich;2;")]                  // no month
    public async Task A_bad_entry_gets_the_CSV_lines_German_reason_and_stores_nothing(string customerRef, string month, int personal, string note,
        string csvLine)
    {
        await SetUpAsync();
        var before = await SnapshotAsync(); // the other test may have stored rows already: nothing may change
        var (status, body) = await EnterAsync(Betreuer, Lap, new { customerRef, month, personal, note });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_input", (string?)body["code"]);
        var reason = (string)body["title"]!;
        Assert.DoesNotContain("Zeile", reason);
        Assert.Equal(before, await SnapshotAsync());

        // One code path: the same line in a CSV is refused with the same reason.
        using var csv = await app.ClientAs(Betreuer).PostAsync($"/api/deadlines/{Lap}/contacts", Csv(Header + csvLine + "\n"));
        var csvBody = JsonNode.Parse(await csv.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.EndsWith("Zeile 2: " + reason, (string?)csvBody["title"]);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Wrong_people_other_kinds_and_missing_fields_are_refused_and_a_good_entry_is_listed_with_its_flag()
    {
        await SetUpAsync();
        var ifk = await EnterAsync("ifk-lukas-braun", Lap, new { customerRef = "TN-9400-01", month = "2026-10", personal = 2 });
        Assert.Equal((HttpStatusCode.Forbidden, DeadlineTexts.ContactsForbidden), (ifk.Status, (string?)ifk.Body["title"]));
        var notLap = await EnterAsync("koord-weber", "962-E-2026-0104", new { customerRef = "TN-0104-01", month = "2026-10", personal = 2 });
        Assert.Equal((HttpStatusCode.BadRequest, DeadlineTexts.NotLap), (notLap.Status, (string?)notLap.Body["title"]));
        var noCount = await EnterAsync(Betreuer, Lap, new { customerRef = "TN-9400-01", month = "2026-10" });
        Assert.Equal((HttpStatusCode.BadRequest, DeadlineTexts.BadCount("")), (noCount.Status, (string?)noCount.Body["title"]));
        Assert.Empty(await StoredAsync());

        // October: 1 personal contact → flagged "unter 2".
        var october = await EnterAsync(Betreuer, Lap, new { customerRef = "TN-9400-01", month = "2026-10", personal = 1, note = "Hausbesuch" });
        Assert.True(october.Status == HttpStatusCode.OK, october.Body.ToJsonString());
        Assert.Equal(1, (int?)october.Body["stored"]);
        Assert.Equal("TN-9400-01 10.2026", (string?)october.Body["belowMinimum"]![0]);

        // November: the Träger's CSV brought 1 personal and 4 sick days; the Betreuer corrects the personal count to 3 in the tab.
        using (var csv = await app.ClientAs(Betreuer).PostAsync($"/api/deadlines/{Lap}/contacts",
                   Csv(Header + "TN-9400-01;11.2026;persönlich;1;\nTN-9400-01;11.2026;Krankheit;4;\n")))
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var november = await EnterAsync(Betreuer, Lap, new { customerRef = "TN-9400-01", month = "11.2026", personal = 3 });
        Assert.Equal(HttpStatusCode.OK, november.Status);
        Assert.Empty(november.Body["belowMinimum"]!.AsArray());
        var stored = (await StoredAsync()).ToDictionary(r => r.Month);
        Assert.Equal((1, 0, "Hausbesuch"), (stored["2026-10"].Personal, stored["2026-10"].Other, stored["2026-10"].Remark));
        Assert.Equal((3, 4), (stored["2026-11"].Personal, stored["2026-11"].Other));

        // The list for the tab: the Betreuer's LAP measure with its participant and both months, newest first.
        var list = JsonNode.Parse(await app.ClientAs(Betreuer).GetStringAsync("/api/deadlines/contacts"))!.AsArray();
        var measure = list.Single(m => (string?)m!["measure"] == Lap)!;
        Assert.Equal(["TN-9400-01"], measure["participants"]!.AsArray().Select(r => (string)r!));
        var months = measure["months"]!.AsArray();
        Assert.Equal(["11.2026", "10.2026"], months.Select(m => (string)m!["monthLabel"]!));
        Assert.Equal((3, 4, false), ((int)months[0]!["personal"]!, (int)months[0]!["other"]!, (bool)months[0]!["below"]!));
        Assert.Equal((1, true), ((int)months[1]!["personal"]!, (bool)months[1]!["below"]!));
        // An IFK records no contacts: the measure is not in their list.
        var ifkList = JsonNode.Parse(await app.ClientAs("ifk-lukas-braun").GetStringAsync("/api/deadlines/contacts"))!.AsArray();
        Assert.DoesNotContain(ifkList, m => (string?)m!["measure"] == Lap);
    }
}
