using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsAmdl.Storage;

/// <summary>
/// The Azure.Core pipeline shared by a service client and the clients it hands out, plus request helpers.
/// Success statuses are checked here; anything else becomes a <see cref="RequestFailedException"/>.
/// </summary>
internal sealed class StorageHttp
{
    private const string StorageScope = "https://storage.azure.com/.default";

    private StorageHttp(HttpPipeline pipeline) => Pipeline = pipeline;

    public HttpPipeline Pipeline { get; }

    public static (StorageHttp Http, Uri ServiceUri) FromConnectionString(
        string connectionString, StorageService service, StorageClientOptions? options)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        var endpoint = service switch
        {
            StorageService.Blob => parsed.BlobEndpoint,
            StorageService.Queue => parsed.QueueEndpoint,
            _ => parsed.TableEndpoint,
        };
        return (FromSharedKey(parsed.Credential, service, options), endpoint);
    }

    public static StorageHttp FromSharedKey(StorageSharedKeyCredential credential, StorageService service, StorageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Build(new StorageSharedKeyPolicy(credential, service), options);
    }

    /// <summary>Entra ID (e.g. managed identity). Azure.Core's bearer policy only sends tokens over https.</summary>
    public static StorageHttp FromToken(TokenCredential credential, StorageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Build(new BearerTokenAuthenticationPolicy(credential, StorageScope), options);
    }

    private static StorageHttp Build(HttpPipelinePolicy auth, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        var pipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageHeadersPolicy(options.ServiceVersion), auth],
            responseClassifier: new ResponseClassifier());
        return new StorageHttp(pipeline);
    }

    public Request CreateRequest(RequestMethod method, Uri uri)
    {
        var request = Pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(uri);
        return request;
    }

    /// <summary>Sends and returns the response if its status is one of <paramref name="expected"/>, else throws.</summary>
    public async Task<Response> SendAsync(Request request, CancellationToken cancellationToken, params int[] expected)
    {
        var response = await Pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (Array.IndexOf(expected, response.Status) < 0)
            throw CreateException(response);
        return response;
    }

    public static RequestFailedException CreateException(Response response) =>
        response.Status == (int)HttpStatusCode.PreconditionFailed
            ? new StorageConflictException(response)
            : new RequestFailedException(response, null, StorageErrorParser.Instance);

    public static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : StorageErrorParser.Parse(response.Content.ToString()).Code;

    /// <summary>Appends one path segment, escaped.</summary>
    public static Uri Append(Uri baseUri, string segment) =>
        new(baseUri.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(segment));

    /// <summary>
    /// Whether the account is the first path segment (Azurite, IP hosts) rather than the host name, as the
    /// official SDKs decide it.
    /// </summary>
    public static bool IsPathStyle(Uri uri) =>
        IPAddress.TryParse(uri.Host, out _) || uri.IsLoopback || uri.Host.Equals("host.docker.internal", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits a resource URI into (service URI, unescaped path segments below it).</summary>
    public static (Uri ServiceUri, string[] Segments) SplitResourceUri(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var accountSegments = IsPathStyle(uri) ? Math.Min(1, segments.Length) : 0;
        var service = new UriBuilder(uri.Scheme, uri.Host, uri.Port,
            "/" + string.Join('/', segments.Take(accountSegments))).Uri;
        return (service, segments.Skip(accountSegments).Select(Uri.UnescapeDataString).ToArray());
    }
}
