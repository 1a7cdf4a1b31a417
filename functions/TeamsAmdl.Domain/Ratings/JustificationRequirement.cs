namespace TeamsAmdl.Domain.Ratings;

/// <summary>The assessor's explanation of one bad value (R-RATE-4): both texts are mandatory for an auffällig rating.</summary>
/// <param name="Key">The <see cref="BadValue.Key"/> it explains.</param>
public sealed record Justification(string Key, string? Begruendung, string? Handlungsempfehlung)
{
    public bool HasBegruendung => !string.IsNullOrWhiteSpace(Begruendung);
    public bool HasHandlungsempfehlung => !string.IsNullOrWhiteSpace(Handlungsempfehlung);
}

/// <summary>A bad value whose Begründung and/or Handlungsempfehlung is still missing.</summary>
public sealed record MissingJustification(BadValue Value, bool BegruendungMissing, bool HandlungsempfehlungMissing);

/// <summary>
/// R-RATE-4: for every bad value a Begründung/Erläuterung <b>and</b> a Handlungsempfehlung are required before the
/// submission is accepted. Texts count when they contain more than white space and are at most
/// <see cref="RatingLimits.MaxTextLength"/> characters without personal data; texts for values that are not bad are ignored.
/// </summary>
public static class JustificationRequirement
{
    /// <summary>Bad values still lacking one or both texts, in the order of <see cref="RatingEvaluation.BadValues"/>.</summary>
    public static IReadOnlyList<MissingJustification> Missing(RatingEvaluation evaluation, IEnumerable<Justification> justifications)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var byKey = Index(justifications);
        var missing = new List<MissingJustification>();
        foreach (var bad in evaluation.BadValues)
        {
            byKey.TryGetValue(bad.Key, out var j);
            var noB = j is null || !j.HasBegruendung;
            var noH = j is null || !j.HasHandlungsempfehlung;
            if (noB || noH) missing.Add(new MissingJustification(bad, noB, noH));
        }
        return missing;
    }

    /// <summary>Texts over the length limit (German messages naming the field); checked before anything is stored.</summary>
    public static IReadOnlyList<InputProblem> TooLong(IEnumerable<Justification> justifications, Func<string, string> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var problems = new List<InputProblem>();
        foreach (var j in justifications)
        {
            if (j.Begruendung is { } b && b.Trim().Length > RatingLimits.MaxTextLength)
                problems.Add(new InputProblem("b_" + j.Key, RatingLimits.TooLong($"Die Begründung zu {describe(j.Key)}", b.Trim().Length)));
            if (j.Handlungsempfehlung is { } h && h.Trim().Length > RatingLimits.MaxTextLength)
                problems.Add(new InputProblem("h_" + j.Key, RatingLimits.TooLong($"Die Handlungsempfehlung zu {describe(j.Key)}", h.Trim().Length)));
        }
        return problems;
    }

    /// <summary>
    /// Texts that may not be kept: over the length limit or carrying personal data (R-SEC-1); German messages naming the
    /// field. Checked before anything is stored, for the draft as for the submission.
    /// </summary>
    public static IReadOnlyList<InputProblem> Refused(IEnumerable<Justification> justifications, Func<string, string> describe, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var list = justifications.ToList();
        var problems = TooLong(list, describe).ToList();
        foreach (var j in list)
        {
            AddIfPersonal("b_" + j.Key, $"Begründung zu {describe(j.Key)}", j.Begruendung);
            AddIfPersonal("h_" + j.Key, $"Handlungsempfehlung zu {describe(j.Key)}", j.Handlungsempfehlung);
        }
        void AddIfPersonal(string field, string label, string? text)
        {
            if (problems.TrueForAll(p => p.Field != field) && PersonalDataGuard.Refusal(label, text, today) is { } message)
                problems.Add(new InputProblem(field, message));
        }
        return problems;
    }

    /// <summary>The justifications that belong to bad values of <paramref name="evaluation"/>, trimmed (what is kept on submit).</summary>
    public static IReadOnlyList<Justification> ForBadValues(RatingEvaluation evaluation, IEnumerable<Justification> justifications)
    {
        var byKey = Index(justifications);
        return evaluation.BadValues
            .Select(b => byKey.TryGetValue(b.Key, out var j)
                ? new Justification(b.Key, j.Begruendung?.Trim(), j.Handlungsempfehlung?.Trim())
                : new Justification(b.Key, null, null))
            .ToList();
    }

    private static Dictionary<string, Justification> Index(IEnumerable<Justification> justifications)
    {
        ArgumentNullException.ThrowIfNull(justifications);
        var byKey = new Dictionary<string, Justification>(StringComparer.Ordinal);
        foreach (var j in justifications) byKey[j.Key] = j; // the last one wins
        return byKey;
    }
}
