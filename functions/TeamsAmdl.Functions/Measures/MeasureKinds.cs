using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Measures;

/// <summary>Reads a measure kind as the API (enum name) or the Maßnahmeübersicht (German label or short form) writes it.</summary>
public static class MeasureKinds
{
    private static readonly Dictionary<string, MeasureKind> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["einkaufsmaßnahme"] = MeasureKind.Einkaufsmassnahme, ["einkaufsmassnahme"] = MeasureKind.Einkaufsmassnahme,
        ["einkauf"] = MeasureKind.Einkaufsmassnahme,
        ["dia-am"] = MeasureKind.DiaAm, ["diaam"] = MeasureKind.DiaAm, ["dia am"] = MeasureKind.DiaAm,
        ["ub/inbeq"] = MeasureKind.UbInbeq, ["ubinbeq"] = MeasureKind.UbInbeq, ["ub"] = MeasureKind.UbInbeq, ["inbeq"] = MeasureKind.UbInbeq,
        ["unterstützte beschäftigung"] = MeasureKind.UbInbeq,
        ["agh"] = MeasureKind.Agh, ["arbeitsgelegenheit"] = MeasureKind.Agh,
        ["lap-projekt"] = MeasureKind.LapProjekt, ["lapprojekt"] = MeasureKind.LapProjekt, ["lap"] = MeasureKind.LapProjekt,
        ["gutscheinmaßnahme"] = MeasureKind.Gutschein, ["gutscheinmassnahme"] = MeasureKind.Gutschein, ["gutschein"] = MeasureKind.Gutschein,
        ["gutscheinmaßnahme (avgs/bgs)"] = MeasureKind.Gutschein, ["avgs"] = MeasureKind.Gutschein, ["bgs"] = MeasureKind.Gutschein,
    };

    public static MeasureKind? Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return null;
        if (Aliases.TryGetValue(t, out var k)) return k;
        // Names only: Enum.TryParse would also take "1" or "99".
        return Enum.GetNames<MeasureKind>().FirstOrDefault(n => n.Equals(t, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<MeasureKind>(name) : null;
    }

    /// <summary>Legal basis when none is given (R-CAP-1).</summary>
    public static string DefaultLegalBasis(MeasureKind kind) => kind switch
    {
        MeasureKind.Einkaufsmassnahme => "§ 45 SGB III",
        MeasureKind.DiaAm => "§ 49 Abs. 4 SGB IX",
        MeasureKind.UbInbeq => "§ 55 SGB IX",
        MeasureKind.Agh => "§ 16d SGB II",
        MeasureKind.LapProjekt => "LAP (kommunale Förderung)",
        MeasureKind.Gutschein => "§ 45 Abs. 4 SGB III (AVGS)",
        _ => "",
    };
}
