namespace TeamsAmdl.Functions.Outlook;

/// <summary>Microsoft Graph answered a mail call with an error status (the call reached Graph and got an answer).</summary>
public sealed class MailGraphException(int status, string code, TimeSpan? retryAfter, Exception inner)
    : Exception($"Graph HTTP {status} ({code})", inner)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Refused before it was processed (throttled, service unavailable): nothing was sent, try again later.</summary>
    public bool NotAccepted => Status is 429 or 503;

    /// <summary>Refused for good (bad address, no permission for the mailbox, …): sending again changes nothing.</summary>
    public bool IsPermanent => Status is >= 400 and < 500 and not (408 or 429);
}
