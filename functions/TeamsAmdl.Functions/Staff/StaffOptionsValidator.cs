using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>Checks Staff:* on start; every message names the setting to fix (German, for the operator).</summary>
public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        var problems = new List<string>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < options.Groups.Count; i++)
        {
            var g = options.Groups[i];
            var at = $"{StaffOptions.Section}:Groups:{i}";
            if (!Guid.TryParse(g.GroupId, out var id))
                problems.Add($"{at}:GroupId ist keine Objekt-ID einer Entra-Sicherheitsgruppe (GUID): „{g.GroupId}“.");
            else if (!seen.Add(id))
                problems.Add($"{at}:GroupId: Die Gruppe {g.GroupId} ist mehrfach eingetragen.");
            foreach (var role in g.RoleNames.Where(r => !Enum.TryParse<StaffRole>(r, ignoreCase: true, out _) || int.TryParse(r, out _)))
                problems.Add($"{at}:Roles: unbekannte Rolle „{role}“ (erlaubt: {string.Join(", ", Enum.GetNames<StaffRole>())}).");
            if (g.RoleNames.Count == 0 && string.IsNullOrWhiteSpace(g.TeamId))
                problems.Add($"{at}: weder Roles noch TeamId gesetzt – die Gruppe hätte keine Wirkung.");
            if (!string.IsNullOrWhiteSpace(g.TeamName) && string.IsNullOrWhiteSpace(g.TeamId))
                problems.Add($"{at}:TeamId fehlt zu TeamName „{g.TeamName}“.");
        }
        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("https" or "http"))
            problems.Add($"{StaffOptions.Section}:GraphBaseUrl ist keine absolute http(s)-Adresse: „{options.GraphBaseUrl}“.");
        if (options.GraphMaxRetries is < 0 or > 10)
            problems.Add($"{StaffOptions.Section}:GraphMaxRetries muss zwischen 0 und 10 liegen (ist {options.GraphMaxRetries}).");
        if (options.GraphRetryDelaySeconds is < 0 or > 180)
            problems.Add($"{StaffOptions.Section}:GraphRetryDelaySeconds muss zwischen 0 und 180 liegen (ist {options.GraphRetryDelaySeconds}).");
        if (options.TeamsAppCatalogId is { } app && (app.Trim().Length == 0 || app.IndexOfAny(['/', '?', '#']) >= 0))
            problems.Add($"{StaffOptions.Section}:TeamsAppCatalogId ist keine App-ID aus dem App-Katalog: „{app}“.");
        if (options.InstallRetryAfter <= TimeSpan.Zero)
            problems.Add($"{StaffOptions.Section}:InstallRetryAfter muss positiv sein.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
