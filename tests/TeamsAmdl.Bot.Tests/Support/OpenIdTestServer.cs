using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>A local stand-in for login.botframework.com: OpenID metadata and a JWKS with endorsements.</summary>
internal sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<TestSigningKey> _keys = [];
    private WebApplication _app = null!;
    private int _keyRequests;

    private OpenIdTestServer()
    {
    }

    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<OpenIdTestServer> StartAsync(params TestSigningKey[] keys)
    {
        var server = new OpenIdTestServer();
        server._keys.AddRange(keys);
        (server._app, server.BaseUrl) = await LocalHost.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = server.BaseUrl + "/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            }));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref server._keyRequests);
                lock (server._gate) return Results.Json(new { keys = server._keys.Select(k => k.ToJwk()).ToArray() });
            });
        });
        return server;
    }

    public void AddKey(TestSigningKey key)
    {
        lock (_gate) _keys.Add(key);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
