using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Outlook;

/// <summary>Checks Outlook:* on start; every message names the setting to fix (German, for the operator).</summary>
public sealed class OutlookOptionsValidator : IValidateOptions<OutlookOptions>
{
    public ValidateOptionsResult Validate(string? name, OutlookOptions o)
    {
        var problems = new List<string>();
        foreach (var role in o.DefaultChannels.Keys.Where(r => !Enum.TryParse<StaffRole>(r, ignoreCase: true, out _) || int.TryParse(r, out _)))
            problems.Add($"{OutlookOptions.Section}:DefaultChannels: unbekannte Rolle „{role}“ (erlaubt: {string.Join(", ", Enum.GetNames<StaffRole>())}).");
        if (o.Enabled)
        {
            if (string.IsNullOrWhiteSpace(o.Mailbox) || !o.Mailbox.Contains('@', StringComparison.Ordinal))
                problems.Add($"{OutlookOptions.Section}:Mailbox fehlt oder ist keine E-Mail-Adresse (das Einkaufspostfach).");
            if (string.IsNullOrWhiteSpace(o.ProviderId))
                problems.Add($"{OutlookOptions.Section}:ProviderId fehlt (Anbieter-ID aus dem Actionable Email Developer Dashboard).");
            if (!Uri.TryCreate(o.TabUrl, UriKind.Absolute, out var tab) || tab.Scheme != "https")
                problems.Add($"{OutlookOptions.Section}:TabUrl fehlt oder ist keine https-Adresse (Link zum Tab in der Ersatzansicht der Mail).");
        }
        if (!Uri.TryCreate(o.GraphBaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("https" or "http"))
            problems.Add($"{OutlookOptions.Section}:GraphBaseUrl ist keine absolute http(s)-Adresse: „{o.GraphBaseUrl}“.");
        if (o.SendLease < TimeSpan.FromSeconds(30))
            problems.Add($"{OutlookOptions.Section}:SendLease muss mindestens 30 Sekunden betragen.");
        if (o.MaxAttempts is < 1 or > 50)
            problems.Add($"{OutlookOptions.Section}:MaxAttempts muss zwischen 1 und 50 liegen (ist {o.MaxAttempts}).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
