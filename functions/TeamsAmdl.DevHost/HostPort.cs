namespace TeamsAmdl.DevHost;

/// <summary>Where the dev host listens: $PORT or 7071 (the Functions host's local port). ASPNETCORE_URLS, when set, wins.</summary>
public static class HostPort
{
    public static void Configure(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) || !string.IsNullOrEmpty(builder.Configuration["urls"]))
            return;
        builder.WebHost.UseUrls($"http://localhost:{Environment.GetEnvironmentVariable("PORT") ?? "7071"}");
    }
}
