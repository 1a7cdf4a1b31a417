using System.Text;
using Microsoft.AspNetCore.Http;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Tests;

/// <summary>JSON bodies take enum values by name only (issue 12: numeric enum values were accepted by some routes).</summary>
public sealed class JsonBodyTests
{
    public sealed record KindBody(MeasureKind? Kind);

    [Theory]
    [InlineData("""{"kind":"DiaAm"}""", true)]
    [InlineData("""{"kind":"diaam"}""", true)]   // names are case-insensitive, as everywhere
    [InlineData("""{"kind":1}""", false)]        // a number would pick whatever member has that value
    [InlineData("""{"kind":"1"}""", false)]
    [InlineData("""{"kind":"Zauberei"}""", false)]
    public async Task Enums_bind_by_name_only(string json, bool accepted)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;

        var result = await JsonBody.ReadAsync<KindBody>(http.Request, CancellationToken.None);

        Assert.Equal(accepted, result.Problem is null);
        if (accepted) Assert.Equal(MeasureKind.DiaAm, result.Value!.Kind);
    }
}
