using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsAmdl.Bot;

/// <summary>
/// Bot Connector v3 REST client, shaped like Microsoft.Bot.Connector's Conversations operations. The service URL
/// is passed per call because Teams hands out a regional one with every activity. Requests carry a bearer token
/// for <see cref="ConnectorClientOptions.Scope"/> from the given <see cref="TokenCredential"/>
/// (ClientSecretCredential or ManagedIdentityCredential in production). Failures surface as <see cref="ConnectorException"/>.
/// Thread-safe; keep one instance.
/// </summary>
public class ConnectorClient
{
    private const int MaxErrorTextLength = 500;

    private readonly HttpPipeline _pipeline;

    /// <summary>True for <see cref="ForLoopbackEmulator"/>: plain http to this machine, no token.</summary>
    private readonly bool _loopbackEmulator;

    public ConnectorClient(TokenCredential credential, ConnectorClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new ConnectorClientOptions();
        _pipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, options.Scope)],
            new ResponseClassifier());
    }

    private ConnectorClient(ConnectorClientOptions options)
    {
        _loopbackEmulator = true;
        _pipeline = HttpPipelineBuilder.Build(options, perCallPolicies: [], perRetryPolicies: [], new ResponseClassifier());
    }

    /// <summary>
    /// A client for a local Bot Connector emulator (e.g. the Microsoft 365 Agents Playground's /_connector): it calls
    /// only service URLs on this machine (<see cref="IsLoopback"/>), over http or https, and sends no token — the
    /// emulator checks none, and the bot's real token must never leave for an address the activity named.
    /// </summary>
    public static ConnectorClient ForLoopbackEmulator(ConnectorClientOptions? options = null) => new(options ?? new ConnectorClientOptions());

    /// <summary>Whether <paramref name="serviceUrl"/> is an absolute http(s) URL on this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.IsLoopback && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>For mocking.</summary>
    protected ConnectorClient()
    {
        _pipeline = null!;
    }

    /// <summary>POST {serviceUrl}/v3/conversations — creates (or returns the existing) conversation, e.g. a 1:1 chat.</summary>
    public virtual async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return await SendAsync<ConversationResourceResponse>(RequestMethod.Post, BuildUri(serviceUrl, loopbackEmulator: _loopbackEmulator), parameters, cancellationToken).ConfigureAwait(false)
            ?? new ConversationResourceResponse();
    }

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities — sends a new activity.</summary>
    public virtual async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return await SendAsync<ResourceResponse>(RequestMethod.Post, BuildUri(serviceUrl, conversationId, loopbackEmulator: _loopbackEmulator), activity, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse();
    }

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId} — replies to an activity (threaded where the channel supports it).</summary>
    public virtual async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return await SendAsync<ResourceResponse>(RequestMethod.Post, BuildUri(serviceUrl, conversationId, activityId, loopbackEmulator: _loopbackEmulator), activity, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse();
    }

    /// <summary>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId} — replaces a sent activity (e.g. an updated card).</summary>
    public virtual async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return await SendAsync<ResourceResponse>(RequestMethod.Put, BuildUri(serviceUrl, conversationId, activityId, loopbackEmulator: _loopbackEmulator), activity, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse();
    }

    /// <summary>DELETE {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}.</summary>
    public virtual async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        await SendAsync<ResourceResponse>(RequestMethod.Delete, BuildUri(serviceUrl, conversationId, activityId, loopbackEmulator: _loopbackEmulator), body: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Builds {serviceUrl}/v3/conversations[/{conversationId}/activities[/{activityId}]], keeping the service URL's path and escaping ids.</summary>
    internal static Uri BuildUri(string serviceUrl, string? conversationId = null, string? activityId = null, bool loopbackEmulator = false)
    {
        if (loopbackEmulator)
        {
            if (!IsLoopback(serviceUrl))
                throw new ArgumentException($"serviceUrl ist keine http(s)-URL auf diesem Rechner: '{serviceUrl}'.", nameof(serviceUrl));
        }
        // HTTPS only: the request carries the bot's bearer token (Azure.Core's bearer policy insists as well).
        else if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"serviceUrl ist keine absolute https-URL: '{serviceUrl}'.", nameof(serviceUrl));
        var path = new StringBuilder(serviceUrl.Split('?', '#')[0].TrimEnd('/')).Append("/v3/conversations");
        if (conversationId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
            path.Append('/').Append(Uri.EscapeDataString(conversationId)).Append("/activities");
            if (activityId is not null)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
                path.Append('/').Append(Uri.EscapeDataString(activityId));
            }
        }
        return new Uri(path.ToString());
    }

    private async Task<T?> SendAsync<T>(RequestMethod method, Uri uri, object? body, CancellationToken cancellationToken) where T : class
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(uri);
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        if (body is not null)
        {
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json; charset=utf-8");
            request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ActivitySerializer.Options));
        }

        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 0 } or HttpRequestException or IOException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ConnectorException(0, null, ex.Message, innerException: ex);
        }

        var response = message.Response;
        if (response.Status is >= 200 and < 300)
            return ReadBody<T>(response);
        var (code, text) = ReadError(response);
        throw new ConnectorException(response.Status, code, text,
            response.Status == 429 ? ConnectorRetryPolicy.GetRetryAfter(response) : null);
    }

    private static T? ReadBody<T>(Response response) where T : class
    {
        var content = response.Content;
        if (content is null || content.ToMemory().IsEmpty)
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(content.ToMemory().Span, ActivitySerializer.Options);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(response.Status, null, $"Antwort ist kein gültiges JSON: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>Reads {"error":{"code":"…","message":"…"}} (ErrorResponse); other bodies become the message, shortened.</summary>
    internal static (string? Code, string? Message) ReadError(Response response)
    {
        var bytes = response.Content?.ToMemory() ?? ReadOnlyMemory<byte>.Empty;
        if (bytes.IsEmpty)
            return (null, response.ReasonPhrase);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                return (GetString(error, "code"), GetString(error, "message"));
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }
        var text = Encoding.UTF8.GetString(bytes.Span);
        return (null, text.Length > MaxErrorTextLength ? text[..MaxErrorTextLength] + "…" : text);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
