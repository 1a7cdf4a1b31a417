using System.Text.RegularExpressions;

namespace TeamsAmdl.Infra.Tests;

/// <summary>One diagnostic line of the Bicep CLI, e.g.
/// <c>/x/main.bicep(40,13) : Error BCP071: Expected 1 argument, but got 24. [https://aka.ms/…]</c>.</summary>
public sealed partial record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public bool IsErrorOrWarning => Level is "Error" or "Warning";

    public static IReadOnlyList<BicepDiagnostic> Parse(string output) =>
        output.Split('\n')
            .Select(line => Pattern().Match(line.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => new BicepDiagnostic(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value), m.Groups["level"].Value, m.Groups["code"].Value, m.Groups["msg"].Value))
            .ToList();

    public override string ToString() => $"{File}({Line},{Column}) : {Level} {Code}: {Message}";

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:\s]+): (?<msg>.*)$")]
    private static partial Regex Pattern();
}
