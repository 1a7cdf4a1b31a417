using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests;

/// <summary>
/// Under the Functions host only routes with an HTTP-trigger function.json reach the app: every route the app maps
/// (outside the Development-only /dev and /api/dev) must be covered by one, with its method, or it is a 404 in Azure.
/// </summary>
public sealed class FunctionsHostRouteTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Trigger(Regex Route, string[] Methods);

    private static IReadOnlyList<Trigger> Triggers()
    {
        var hostDir = Path.Combine(RepoRoot.Find(), "functions", "TeamsAmdl.Functions", "FunctionsHost");
        var triggers = new List<Trigger>();
        foreach (var file in Directory.GetFiles(hostDir, "function.json", SearchOption.AllDirectories))
            foreach (var binding in JsonNode.Parse(File.ReadAllText(file))!["bindings"]!.AsArray())
                if ((string?)binding!["type"] == "httpTrigger")
                {
                    var route = ((string?)binding["route"] ?? "").Trim('/');
                    // {name} is one segment, {*name} the rest (possibly empty).
                    var pattern = string.Join("/", route.Split('/').Select(segment =>
                        segment.StartsWith("{*", StringComparison.Ordinal) ? "\u0001"
                        : segment.StartsWith('{') ? "[^/]+"
                        : Regex.Escape(segment))).Replace("/\u0001", "(/.*)?").Replace("\u0001", ".*");
                    triggers.Add(new Trigger(new Regex("^" + pattern + "$"), binding["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToArray()));
                }
        return triggers;
    }

    [Fact]
    public void Every_mapped_route_has_an_http_trigger_with_its_method()
    {
        _ = app.CreateClient();
        var triggers = Triggers();
        var missing = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (template.StartsWith("dev", StringComparison.Ordinal) || template.StartsWith("api/dev", StringComparison.Ordinal))
                continue;
            // A concrete path for the template: each parameter becomes one sample segment.
            var sample = Regex.Replace(template, @"\{\*?[^}]+}", "x");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
                if (!triggers.Any(t => t.Route.IsMatch(sample) && t.Methods.Contains(method)))
                    missing.Add($"{method} /{template}");
        }
        Assert.True(missing.Count == 0, "No function.json forwards:\n  " + string.Join("\n  ", missing.Distinct()));
    }
}
