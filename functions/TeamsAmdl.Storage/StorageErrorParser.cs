using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>
/// Reads the service's error code and message: JSON <c>odata.error</c> (Table), XML <c>&lt;Error&gt;&lt;Code&gt;</c>
/// (Blob/Queue), else the x-ms-error-code header (HEAD responses have no body).
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = Parse(response.ContentStream is null ? "" : response.Content.ToString());
        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var headerCode))
            code = headerCode;
        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    internal static (string? Code, string? Message) Parse(string body)
    {
        body = body.Trim();
        try
        {
            if (body.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("odata.error", out var e) || doc.RootElement.TryGetProperty("error", out e))
                {
                    string? code = e.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (e.TryGetProperty("message", out var m))
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                            : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    return (code, message);
                }
            }
            else if (body.StartsWith('<') || body.StartsWith('\uFEFF'))
            {
                var root = XDocument.Parse(body.TrimStart('\uFEFF')).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            // Not a storage error body (e.g. a proxy's HTML page): fall back to the header/status.
        }
        return (null, null);
    }
}
