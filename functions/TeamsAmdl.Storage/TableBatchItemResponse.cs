using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>The response to one action inside a $batch, parsed from the multipart body.</summary>
internal sealed class TableBatchItemResponse(int status, string reasonPhrase, IReadOnlyList<(string Name, string Value)> headers, string body)
    : Response
{
    public override int Status => status;
    public override string ReasonPhrase => reasonPhrase;
    public override Stream? ContentStream { get; set; } = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
    public override string ClientRequestId { get; set; } = "";
    public string Body => body;
    public override void Dispose() { }

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        values = found.Count > 0 ? found : null;
        return values is not null;
    }

    protected override bool ContainsHeader(string name) => TryGetHeader(name, out _);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Name, h.Value));
}
