using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsAmdl.Storage;

/// <summary>
/// Sets x-ms-version and a fresh x-ms-date. Runs per retry, before authentication, so each attempt is signed
/// with its own time (the service rejects requests older than 15 minutes).
/// </summary>
internal sealed class StorageHeadersPolicy(string serviceVersion) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
    }
}
