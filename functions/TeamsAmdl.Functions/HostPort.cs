namespace TeamsAmdl.Functions;

/// <summary>
/// Where the app listens. Under the Azure Functions host (custom handler) the host names the port in
/// FUNCTIONS_CUSTOMHANDLER_PORT and forwards HTTP requests there; standalone it is $PORT or 7071, the port the
/// Functions host would use locally. ASPNETCORE_URLS, when set, wins.
/// </summary>
public static class HostPort
{
    public static void Configure(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) || !string.IsNullOrEmpty(builder.Configuration["urls"]))
            return;
        var handlerPort = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
        if (!string.IsNullOrEmpty(handlerPort))
            builder.WebHost.UseUrls($"http://127.0.0.1:{handlerPort}");
        else
            builder.WebHost.UseUrls($"http://localhost:{Environment.GetEnvironmentVariable("PORT") ?? "7071"}");
    }
}
