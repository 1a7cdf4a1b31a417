using TeamsAmdl.Domain;

namespace TeamsAmdl.Functions.Measures;

/// <summary>What an edit or an import line changes, in German ("Plätze: 12 → 14"); empty when nothing changes.</summary>
public static class MeasureDiff
{
    public static IReadOnlyList<string> Describe(Measure old, Measure updated)
    {
        var list = new List<string>();
        void Add<T>(string label, T a, T b, Func<T, string>? show = null)
        {
            if (EqualityComparer<T>.Default.Equals(a, b)) return;
            show ??= v => v?.ToString() ?? "–";
            list.Add($"{label}: {show(a)} → {show(b)}");
        }
        Add("Titel", old.Title, updated.Title);
        Add("Rechtsgrundlage", old.LegalBasis, updated.LegalBasis);
        Add("Träger", old.TraegerId, updated.TraegerId);
        Add("Maßnahmeort", old.Location, updated.Location);
        Add("Beginn", old.Start, updated.Start, MeasureTexts.Date);
        Add("Ende", old.End, updated.End, MeasureTexts.Date);
        Add(old.Kind == MeasureKind.DiaAm ? "Höchstbelegung" : "Plätze", old.Capacity.Places, updated.Capacity.Places);
        Add("Mindestplatzzahl", old.Capacity.MinimumPlaces, updated.Capacity.MinimumPlaces);
        Add("Durchschnittsbelegung", old.Capacity.AverageOccupancy, updated.Capacity.AverageOccupancy);
        Add("Teilnahmemonate", old.Capacity.ContractedTm, updated.Capacity.ContractedTm, v => v is { } d ? MeasureTexts.Number(d) : "–");
        Add("Betreuung", old.BetreuerId, updated.BetreuerId);
        Add("Koordination", old.KoordinatorId, updated.KoordinatorId);
        Add("Team", old.TeamId, updated.TeamId);
        Add("Zielgruppe", old.TargetGroup, updated.TargetGroup);
        return list;
    }
}
