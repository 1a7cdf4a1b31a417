using System.Net;

namespace TeamsAmdl.Storage.Tests;

/// <summary>Stands in for the network: records each request as sent on the wire and answers with a canned response.</summary>
internal sealed class RecordingHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var status = statuses[Math.Min(Requests.Count - 1, statuses.Length - 1)];
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"0x8D0000000000001\"");
        response.Headers.Add("Retry-After", "0");
        return Task.FromResult(response);
    }
}
