using System.Collections.Concurrent;
using Azure.Core;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>A TokenCredential that hands out a fixed token and records the requested scopes.</summary>
internal sealed class FakeTokenCredential(string token = "fake-bot-token") : TokenCredential
{
    public string Token { get; } = token;
    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Enqueue(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
