using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsAmdl.Storage;

/// <summary>
/// SharedKey authorization (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
/// Blob/Queue sign the full header set; Table signs VERB, Content-MD5, Content-Type, date and the resource.
/// The canonicalized resource is "/account" + the URL path, so path-style (Azurite) URLs name the account twice.
/// </summary>
internal sealed class StorageSharedKeyPolicy(StorageSharedKeyCredential credential, StorageService service)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var signature = credential.ComputeHmacSha256(BuildStringToSign(message.Request));
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{signature}");
    }

    internal string BuildStringToSign(Request request)
    {
        var uri = request.Uri.ToUri();
        return service == StorageService.Table
            ? string.Join('\n',
                request.Method.Method,
                Header(request, "Content-MD5"),
                Header(request, "Content-Type"),
                Header(request, "x-ms-date"),
                "/" + credential.AccountName + uri.AbsolutePath + TableQuery(uri))
            : string.Join('\n',
                request.Method.Method,
                Header(request, "Content-Encoding"),
                Header(request, "Content-Language"),
                ContentLength(request),
                Header(request, "Content-MD5"),
                Header(request, "Content-Type"),
                "", // Date: x-ms-date is signed among the canonicalized headers instead.
                Header(request, "If-Modified-Since"),
                Header(request, "If-Match"),
                Header(request, "If-None-Match"),
                Header(request, "If-Unmodified-Since"),
                Header(request, "Range"),
                CanonicalizedHeaders(request) + "/" + credential.AccountName + uri.AbsolutePath + CanonicalizedQuery(uri));
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : "";

    // Since version 2015-02-21 a zero length is signed as the empty string.
    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "";

    private static string CanonicalizedHeaders(Request request)
    {
        var sb = new StringBuilder();
        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
            sb.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        return sb.ToString();
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.IndexOf('=');
            return eq < 0
                ? (Uri.UnescapeDataString(p), "")
                : (Uri.UnescapeDataString(p[..eq]), Uri.UnescapeDataString(p[(eq + 1)..]));
        });

    private static string CanonicalizedQuery(Uri uri)
    {
        var sb = new StringBuilder();
        foreach (var group in QueryParameters(uri)
                     .GroupBy(p => p.Name.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.Append('\n').Append(group.Key).Append(':')
                .AppendJoin(',', group.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal));
        return sb.ToString();
    }

    // The Table service signs only the comp parameter.
    private static string TableQuery(Uri uri)
    {
        foreach (var (name, value) in QueryParameters(uri))
            if (name.Equals("comp", StringComparison.OrdinalIgnoreCase))
                return "?comp=" + value;
        return "";
    }
}
