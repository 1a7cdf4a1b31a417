using Azure.Core;

namespace TeamsAmdl.Bot;

/// <summary>
/// Options for <see cref="ConnectorClient"/>. Retries follow the Teams guidance and are done by
/// <see cref="ConnectorRetryPolicy"/>, configured through <see cref="ClientOptions.Retry"/>
/// (MaxRetries, Delay = first backoff, MaxDelay = backoff cap) and <see cref="MaxRetryAfter"/>.
/// </summary>
public sealed class ConnectorClientOptions : ClientOptions
{
    public const string DefaultScope = "https://api.botframework.com/.default";

    public ConnectorClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        RetryPolicy = new ConnectorRetryPolicy(this);
    }

    /// <summary>OAuth scope of the Bot Connector token.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>
    /// Longest Retry-After (429) the client waits for itself. A longer one is never shortened: the request
    /// fails with a <see cref="ConnectorException"/> carrying <see cref="ConnectorException.RetryAfter"/> instead,
    /// so the caller can reschedule.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
}
