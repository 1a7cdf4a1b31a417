namespace TeamsAmdl.Bot;

/// <summary>
/// The Bot Connector refused a request (after any retries) or could not be reached (<see cref="Status"/> 0).
/// <see cref="IsPermanent"/> tells whether sending the same request again can help.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(int status, string? errorCode, string? errorMessage, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(BuildMessage(status, errorCode, errorMessage), innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status of the last response; 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>error.code from the response body, e.g. "MessageWritesBlocked", "ConversationBlockedByUser".</summary>
    public string? ErrorCode { get; }

    /// <summary>error.message from the response body, or a prefix of the raw body.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The server's Retry-After of a 429 that exceeded <see cref="ConnectorClientOptions.MaxRetryAfter"/>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True for client errors that repeat identically (400, 403 e.g. bot blocked/removed, 404 conversation gone, 405, 409, 410, 413 …):
    /// do not retry, drop or park the message. False for 0, 401 (credentials may be fixed), 408, 412, 429 and 5xx.
    /// </summary>
    public bool IsPermanent => Status is >= 400 and < 500 and not (401 or 408 or 412 or 429);

    private static string BuildMessage(int status, string? code, string? message)
    {
        var head = status == 0 ? "Bot Connector nicht erreichbar" : $"Bot Connector antwortete mit HTTP {status}";
        if (!string.IsNullOrEmpty(code)) head += $" ({code})";
        return string.IsNullOrEmpty(message) ? head + "." : $"{head}: {message}";
    }
}
