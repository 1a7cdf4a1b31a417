using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace TeamsAmdl.Storage;

/// <summary>
/// One queue (Azure.Storage.Queues shape). Message text is sent as-is inside
/// <c>&lt;QueueMessage&gt;&lt;MessageText&gt;</c> (XML-escaped), i.e. the v12 SDK's default MessageEncoding None.
/// </summary>
public class QueueClient
{
    private readonly StorageHttp _http = null!;

    public QueueClient(string connectionString, string queueName, StorageClientOptions? options = null)
    {
        (_http, var serviceUri) = StorageHttp.FromConnectionString(connectionString, StorageService.Queue, options);
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        Name = queueName;
        Uri = StorageHttp.Append(serviceUri, queueName);
    }

    public QueueClient(Uri queueUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromToken(credential, options), queueUri, null)
    {
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(StorageHttp.FromSharedKey(credential, StorageService.Queue, options), queueUri, null)
    {
    }

    internal QueueClient(StorageHttp http, Uri queueUri, string? name)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        _http = http;
        Uri = queueUri;
        Name = name ?? StorageHttp.SplitResourceUri(queueUri).Segments.LastOrDefault()
            ?? throw new ArgumentException("The URI names no queue.", nameof(queueUri));
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        Name = "";
        Uri = new Uri("http://localhost/");
    }

    public virtual string Name { get; }
    public virtual Uri Uri { get; }

    private Uri MessagesUri => new(Uri.AbsoluteUri.TrimEnd('/') + "/messages");

    /// <summary>
    /// Creates the queue. Returns the response (201, or 204 if it existed with the same metadata), or null if it
    /// already existed with different metadata (as the SDK does).
    /// </summary>
    public virtual async Task<Response?> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Put, Uri);
        StorageHeaders.AddMetadata(request, metadata);
        var response = await _http.SendAsync(request, cancellationToken, 201, 204, 409).ConfigureAwait(false);
        if (response.Status != 409) return response;
        if (StorageHttp.ErrorCode(response) == "QueueAlreadyExists") return null;
        throw StorageHttp.CreateException(response);
    }

    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Delete, Uri);
        var response = await _http.SendAsync(request, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <param name="visibilityTimeout">Delay before the message becomes visible (default: immediately).</param>
    /// <param name="timeToLive">How long it lives (service default 7 days; -1 s for never expiring).</param>
    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        return SendAsync(messageText, visibilityTimeout, timeToLive, cancellationToken);
    }

    /// <summary>Sends the UTF-8 text of <paramref name="message"/> (no Base64, as the v12 SDK's default).</summary>
    public virtual Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message.ToString(), visibilityTimeout, timeToLive, cancellationToken);
    }

    private async Task<Response<SendReceipt>> SendAsync(string text, TimeSpan? visibilityTimeout, TimeSpan? timeToLive,
        CancellationToken cancellationToken)
    {
        var request = _http.CreateRequest(RequestMethod.Post, MessagesUri);
        if (visibilityTimeout is { } vt) request.Uri.AppendQuery("visibilitytimeout", Seconds(vt));
        if (timeToLive is { } ttl) request.Uri.AppendQuery("messagettl", Seconds(ttl));
        SetMessageBody(request, text);
        var response = await _http.SendAsync(request, cancellationToken, 201).ConfigureAwait(false);
        var m = ParseMessages(response).Single();
        return Response.FromValue(new SendReceipt
        {
            MessageId = Value(m, "MessageId") ?? "",
            PopReceipt = Value(m, "PopReceipt") ?? "",
            InsertionTime = StorageHeaders.ParseDate(Value(m, "InsertionTime")) ?? default,
            ExpirationTime = StorageHeaders.ParseDate(Value(m, "ExpirationTime")) ?? default,
            TimeNextVisible = StorageHeaders.ParseDate(Value(m, "TimeNextVisible")) ?? default,
        }, response);
    }

    public virtual Task<Response<QueueMessage[]>> ReceiveMessagesAsync(CancellationToken cancellationToken) =>
        ReceiveMessagesAsync(null, null, cancellationToken);

    /// <summary>
    /// Dequeues up to <paramref name="maxMessages"/> (1..32, default 1) messages, hiding them for
    /// <paramref name="visibilityTimeout"/> (default 30 s). Each receive increments DequeueCount.
    /// </summary>
    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Get, MessagesUri);
        if (maxMessages is { } n) request.Uri.AppendQuery("numofmessages", n.ToString(CultureInfo.InvariantCulture));
        if (visibilityTimeout is { } vt) request.Uri.AppendQuery("visibilitytimeout", Seconds(vt));
        var response = await _http.SendAsync(request, cancellationToken, 200).ConfigureAwait(false);
        var messages = ParseMessages(response).Select(m => new QueueMessage
        {
            MessageId = Value(m, "MessageId") ?? "",
            PopReceipt = Value(m, "PopReceipt") ?? "",
            DequeueCount = long.TryParse(Value(m, "DequeueCount"), CultureInfo.InvariantCulture, out var c) ? c : 0,
            Body = BinaryData.FromString(Value(m, "MessageText") ?? ""),
            InsertedOn = StorageHeaders.ParseDate(Value(m, "InsertionTime")),
            ExpiresOn = StorageHeaders.ParseDate(Value(m, "ExpirationTime")),
            NextVisibleOn = StorageHeaders.ParseDate(Value(m, "TimeNextVisible")),
        }).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Dequeues one message; the value is null if the queue has none visible.</summary>
    public virtual async Task<Response<QueueMessage?>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var response = await ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without dequeuing them.</summary>
    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Get, MessagesUri);
        request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } n) request.Uri.AppendQuery("numofmessages", n.ToString(CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(request, cancellationToken, 200).ConfigureAwait(false);
        var messages = ParseMessages(response).Select(m => new PeekedMessage
        {
            MessageId = Value(m, "MessageId") ?? "",
            DequeueCount = long.TryParse(Value(m, "DequeueCount"), CultureInfo.InvariantCulture, out var c) ? c : 0,
            Body = BinaryData.FromString(Value(m, "MessageText") ?? ""),
            InsertedOn = StorageHeaders.ParseDate(Value(m, "InsertionTime")),
            ExpiresOn = StorageHeaders.ParseDate(Value(m, "ExpirationTime")),
        }).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Deletes a received message; a stale pop receipt or missing message raises 404.</summary>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        var request = _http.CreateRequest(RequestMethod.Delete, MessageUri(messageId));
        request.Uri.AppendQuery("popreceipt", popReceipt ?? throw new ArgumentNullException(nameof(popReceipt)));
        return await _http.SendAsync(request, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a received message's visibility and, if <paramref name="messageText"/> is not null, its text.
    /// The returned receipt's PopReceipt replaces the old one.
    /// </summary>
    public virtual Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText = null,
        TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateAsync(messageId, popReceipt, messageText, visibilityTimeout, cancellationToken);

    public virtual Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, BinaryData message,
        TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default) =>
        UpdateAsync(messageId, popReceipt, message?.ToString(), visibilityTimeout, cancellationToken);

    private async Task<Response<UpdateReceipt>> UpdateAsync(string messageId, string popReceipt, string? text,
        TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var request = _http.CreateRequest(RequestMethod.Put, MessageUri(messageId));
        request.Uri.AppendQuery("popreceipt", popReceipt ?? throw new ArgumentNullException(nameof(popReceipt)));
        request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        if (text is not null) SetMessageBody(request, text);
        var response = await _http.SendAsync(request, cancellationToken, 204).ConfigureAwait(false);
        return Response.FromValue(new UpdateReceipt
        {
            PopReceipt = StorageHeaders.Get(response, "x-ms-popreceipt") ?? "",
            NextVisibleOn = StorageHeaders.GetDate(response, "x-ms-time-next-visible"),
        }, response);
    }

    private Uri MessageUri(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return StorageHttp.Append(MessagesUri, messageId);
    }

    private static void SetMessageBody(Request request, string text)
    {
        var xml = new XElement("QueueMessage", new XElement("MessageText", text)).ToString(SaveOptions.DisableFormatting);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/xml; charset=utf-8");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml));
    }

    private static IEnumerable<XElement> ParseMessages(Response response)
    {
        var body = response.Content.ToString();
        return string.IsNullOrWhiteSpace(body) ? [] : XDocument.Parse(body.TrimStart('\uFEFF')).Root?.Elements("QueueMessage") ?? [];
    }

    private static string? Value(XElement message, string name) => message.Element(name)?.Value;

    // The service takes whole seconds.
    private static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
