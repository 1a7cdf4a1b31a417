using System.Text.Json.Nodes;

namespace TeamsAmdl.Infra.Tests;

/// <summary>infra/main.parameters.json (an ARM parameter file, not a .bicepparam) fits the compiled template: every
/// name is a template parameter, every value obeys its type and constraints, and the parameters without a default are
/// all given.</summary>
public sealed class ParameterFileTests
{
    [Fact]
    public async Task Main_parameters_fit_the_main_template()
    {
        using var tmp = new TempDir();
        var build = await BicepCli.BuildAsync(Repo.Path("infra", "main.bicep"), tmp.File("main.json"));
        Assert.True(build.ExitCode == 0, build.ToString());
        var declared = JsonNode.Parse(File.ReadAllText(tmp.File("main.json")))!["parameters"]!.AsObject();
        var given = JsonNode.Parse(File.ReadAllText(Repo.Path("infra", "main.parameters.json")))!["parameters"]!.AsObject();

        var unknown = given.Select(p => p.Key).Where(name => !declared.ContainsKey(name)).ToList();
        Assert.True(unknown.Count == 0, "not in the template: " + string.Join(", ", unknown));
        var missing = declared.Where(p => p.Value!["defaultValue"] is null && !given.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        Assert.True(missing.Count == 0, "required but not given: " + string.Join(", ", missing));
        foreach (var (name, parameter) in given)
        {
            var value = parameter!["value"];
            Assert.True(value is not null, $"{name}: only literal values (no Key Vault references) are expected here");
            var spec = declared[name]!;
            Assert.True(Problem(spec, value!) is null, $"{name}: {Problem(spec, value!)}");
        }
    }

    private static string? Problem(JsonNode spec, JsonNode value)
    {
        var type = spec["type"]!.GetValue<string>();
        var kind = value.GetValueKind();
        var typeOk = type switch
        {
            "string" or "securestring" => kind == System.Text.Json.JsonValueKind.String,
            "int" => kind == System.Text.Json.JsonValueKind.Number,
            "bool" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            "object" or "secureObject" => kind == System.Text.Json.JsonValueKind.Object,
            "array" => kind == System.Text.Json.JsonValueKind.Array,
            _ => false,
        };
        if (!typeOk) return $"{kind} is not a {type}";
        if (spec["allowedValues"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            return $"{value.ToJsonString()} is not one of {allowed.ToJsonString()}";
        if (type == "int")
        {
            var n = value.GetValue<long>();
            if (spec["minValue"] is { } min && n < min.GetValue<long>()) return $"{n} < minValue {min}";
            if (spec["maxValue"] is { } max && n > max.GetValue<long>()) return $"{n} > maxValue {max}";
        }
        if (type == "string")
        {
            var length = value.GetValue<string>().Length;
            if (spec["minLength"] is { } min && length < min.GetValue<int>()) return $"length {length} < minLength {min}";
            if (spec["maxLength"] is { } max && length > max.GetValue<int>()) return $"length {length} > maxLength {max}";
        }
        return null;
    }
}
