using System.Globalization;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>Header conventions shared by Blob and Queue: x-ms-meta-*, conditions, RFC 1123 dates.</summary>
internal static class StorageHeaders
{
    private const string MetaPrefix = "x-ms-meta-";

    public static void AddMetadata(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        foreach (var (name, value) in metadata)
            request.Headers.Add(MetaPrefix + name, value);
    }

    public static IDictionary<string, string> ReadMetadata(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
            if (header.Name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
                metadata[header.Name[MetaPrefix.Length..]] = header.Value;
        return metadata;
    }

    public static void AddConditions(Request request, RequestConditions? conditions)
    {
        if (conditions is null) return;
        if (conditions.IfMatch is { } ifMatch) request.Headers.Add(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        if (conditions.IfNoneMatch is { } ifNoneMatch) request.Headers.Add(HttpHeader.Names.IfNoneMatch, ifNoneMatch.ToString("H"));
        if (conditions.IfModifiedSince is { } since) request.Headers.Add(HttpHeader.Names.IfModifiedSince, FormatDate(since));
        if (conditions.IfUnmodifiedSince is { } unmodified) request.Headers.Add(HttpHeader.Names.IfUnmodifiedSince, FormatDate(unmodified));
    }

    public static string FormatDate(DateTimeOffset value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    public static string? Get(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static DateTimeOffset GetDate(Response response, string name) => ParseDate(Get(response, name)) ?? default;

    public static ETag GetETag(Response response) => response.Headers.ETag ?? default;

    public static byte[]? GetHash(Response response) =>
        Get(response, "Content-MD5") is { Length: > 0 } md5 ? Convert.FromBase64String(md5) : null;

    /// <summary>
    /// An ETag from listing XML in Azure.Core's form: strong ETags without quotes, as <c>Headers.ETag</c> parses
    /// the header, so both compare equal.
    /// </summary>
    public static ETag? ParseETag(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.Length > 1 && value.StartsWith('"') && value.EndsWith('"') ? new ETag(value[1..^1])
        : new ETag(value);
}
