using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Tests.Deadlines;

/// <summary>Measures and participations of the deadline tests, written straight to the tables (no entry rules in the way).</summary>
internal static class DeadlineTestSupport
{
    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<Measure> AddMeasureAsync(this AppFactory app, string number, MeasureKind kind, string betreuer, string koordinator,
        DateOnly start, DateOnly end)
    {
        var capacity = kind == MeasureKind.DiaAm ? Capacity.Create(kind, 10, averageOccupancy: 8, contractedTm: 96) : Capacity.Create(kind, 10);
        var m = Measure.Create(number, "Fristen " + number, kind, "§ 45 SGB III", "tr-integra", "Musterstadt", start, end, capacity, null,
            betreuer, koordinator, "team-u25");
        await app.Services.GetRequiredService<MeasureRepository>().UpsertAsync(m);
        return m;
    }

    public static async Task AddParticipationAsync(this AppFactory app, Participation p) =>
        await app.Services.GetRequiredService<Tables>().Measures.AddEntityAsync(PlaceEntity.From(p, app.Time.GetUtcNow()));

    public static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return content;
    }
}
