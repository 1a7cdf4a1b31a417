using TeamsAmdl.Functions;
using TeamsAmdl.Functions.Filing;

namespace TeamsAmdl.DevHost;

/// <summary>
/// TRANSITIONAL: feature routes not yet converted to function classes, mapped the old way so that the app keeps
/// serving them while the conversion proceeds feature by feature. Empty (and deleted) when every route is a function.
/// </summary>
public static class LegacyRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapBot();
        app.MapDigest();
        app.MapRatings();
        app.MapFilingEndpoints();
        app.MapFilingRoutesForDevelopment();
    }
}
