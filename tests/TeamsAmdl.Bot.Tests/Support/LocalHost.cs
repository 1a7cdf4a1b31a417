using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsAmdl.Bot.Tests.Support;

/// <summary>Starts a minimal API on 127.0.0.1 with a free port (HTTPS when a certificate is given).</summary>
internal static class LocalHost
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var baseUrl = app.Urls.Single().TrimEnd('/');
        return (app, baseUrl);
    }
}
