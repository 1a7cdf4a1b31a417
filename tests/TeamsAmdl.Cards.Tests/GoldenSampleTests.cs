using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Cards.Tests;

/// <summary>
/// Each builder's output (from the fixed inputs in <see cref="CardSamples"/>) equals cards/samples/{name}.json,
/// compared as JSON (formatting and property order don't matter). UPDATE_GOLDEN=1 rewrites the files.
/// </summary>
[Collection(CardSamplesCollection.Name)]
public sealed class GoldenSampleTests
{
    public static TheoryData<string> CardNames => new(CardSamples.All.Keys);

    private static bool Update => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static string SamplesDir => Path.Combine(RepoRoot.Find(), "cards", "samples");

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Builder_output_equals_golden_json(string name)
    {
        var card = CardSamples.All[name]();
        var actual = JsonNode.Parse(card.ToJson())!;
        var path = Path.Combine(SamplesDir, name + ".json");

        if (Update)
        {
            Directory.CreateDirectory(SamplesDir);
            File.WriteAllText(path, card.ToJson(indented: true).ReplaceLineEndings("\n") + "\n");
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests once with UPDATE_GOLDEN=1 and review the diff.");
        var expected = JsonNode.Parse(File.ReadAllText(path))!;
        if (!JsonNode.DeepEquals(expected, actual))
            Assert.Fail($"{name}: builder output differs from {path} at {FirstDifference(expected, actual, "$")}.\n" +
                        "If the change is intended, run with UPDATE_GOLDEN=1 and review the diff.\nActual:\n" + card.ToJson(indented: true));
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_sample_card()
    {
        var files = Directory.GetFiles(SamplesDir, "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(CardSamples.All.Keys.Order().ToArray(), files);
    }

    [Fact]
    public void Golden_files_are_schema_1_5_cards_with_umlauts_unescaped()
    {
        foreach (var file in Directory.GetFiles(SamplesDir, "*.json"))
        {
            var text = File.ReadAllText(file);
            var json = JsonNode.Parse(text)!.AsObject();
            Assert.Equal("AdaptiveCard", (string?)json["type"]);
            Assert.Equal("1.5", (string?)json["version"]);
            Assert.DoesNotContain("\\u00", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject eo && actual is JsonObject ao)
        {
            foreach (var key in eo.Select(p => p.Key).Union(ao.Select(p => p.Key)))
            {
                if (!eo.ContainsKey(key)) return $"{path}.{key} (unexpected property)";
                if (!ao.ContainsKey(key)) return $"{path}.{key} (missing property)";
                if (!JsonNode.DeepEquals(eo[key], ao[key])) return FirstDifference(eo[key], ao[key], $"{path}.{key}");
            }
        }
        else if (expected is JsonArray ea && actual is JsonArray aa)
        {
            if (ea.Count != aa.Count) return $"{path} (expected {ea.Count} items, got {aa.Count})";
            for (var i = 0; i < ea.Count; i++)
                if (!JsonNode.DeepEquals(ea[i], aa[i])) return FirstDifference(ea[i], aa[i], $"{path}[{i}]");
        }
        return $"{path} (expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"})";
    }
}

/// <summary>Golden and renderer tests both touch cards/samples: run them one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class CardSamplesCollection
{
    public const string Name = "cards/samples";
}
