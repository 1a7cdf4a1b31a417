using System.Text.RegularExpressions;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Cards.Tests;

public sealed partial class TextsTests
{
    /// <summary>German UI text lives in Texts*.cs only (one partial file per feature; samples may hold German sample data).</summary>
    [Fact]
    public void No_German_literals_outside_Texts_cs()
    {
        var dir = Path.Combine(RepoRoot.Find(), "cards", "TeamsAmdl.Cards");
        var offenders = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !(Path.GetFileName(f).StartsWith("Texts", StringComparison.Ordinal) || Path.GetFileName(f) == "CardSamples.cs"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) &&
                        !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(x => StringLiteral().Matches(x.line).Any(m => GermanHint().IsMatch(m.Value)))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "German text outside Texts.cs:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("[äöüÄÖÜß„“–]|\\b(der|die|das|und|nicht|Bitte|bitte|Sie|Ihre|keine|Keine)\\b")]
    private static partial Regex GermanHint();
}
