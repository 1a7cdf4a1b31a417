namespace TeamsAmdl.Functions.DevInbox;

/// <summary>Addresses of the dev stand-ins as the caller reached the app.</summary>
public static class DevUrls
{
    /// <summary>The serviceUrl the inbox puts into its activities; the dev connector never calls it.</summary>
    public const string ConnectorPath = "/dev/connector/";

    public static string Base(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    public static string Connector(HttpRequest r) => Base(r) + ConnectorPath;
}
