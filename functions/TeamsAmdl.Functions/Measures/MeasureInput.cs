using TeamsAmdl.Domain;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// Turns a <see cref="MeasureBody"/> (from the API, the tab or a CSV line) into a <see cref="Measure"/> through the domain
/// (<see cref="Capacity.Create"/>, <see cref="Measure.Create"/>, <see cref="CapacityChange"/>), collecting every German
/// error per field instead of stopping at the first, so that a form or an import line shows all of them at once.
/// Field names are the JSON names; the import maps them to its columns.
/// </summary>
public static class MeasureInput
{
    public const int MaxTextLength = 200;

    /// <summary>PUT: fields left out keep their stored value (a UB Mindestplatzzahl follows new places unless given).</summary>
    public static MeasureBody Merge(MeasureBody b, Measure m)
    {
        var dia = m.Kind == MeasureKind.DiaAm;
        return new MeasureBody(b.Number ?? m.Number, b.Title ?? m.Title, b.Kind ?? m.Kind.ToString(), b.LegalBasis ?? m.LegalBasis,
            b.TraegerId ?? m.TraegerId, b.Location ?? m.Location, b.Start ?? m.Start, b.End ?? m.End,
            b.Places ?? (dia ? null : m.Capacity.Places), b.Teilnahmemonate ?? m.Capacity.ContractedTm,
            b.MaxOccupancy ?? (dia && b.Places is null ? m.Capacity.Places : null), b.AverageOccupancy ?? m.Capacity.AverageOccupancy,
            b.MinimumPlaces ?? (b.Places is null && b.MaxOccupancy is null ? m.Capacity.MinimumPlaces : null),
            b.BetreuerId ?? m.BetreuerId, b.KoordinatorId ?? m.KoordinatorId, b.TeamId ?? m.TeamId, b.TargetGroup ?? m.TargetGroup);
    }

    /// <summary>The measure, or the errors. <paramref name="existing"/>: the stored measure on an edit (its kind is fixed).</summary>
    public static (Measure? Measure, IReadOnlyList<FieldError> Errors) Validate(MeasureBody b, MeasureDirectory directory, string callerId,
        Measure? existing = null)
    {
        var errors = new List<FieldError>();
        void Err(string field, string message) => errors.Add(new FieldError(field, message));
        string? Text(string field, string? value, bool required)
        {
            var t = value?.Trim();
            if (string.IsNullOrEmpty(t))
            {
                if (required) Err(field, MeasureTexts.Required);
                return null;
            }
            if (t.Length > MaxTextLength) Err(field, MeasureTexts.TooLong);
            return t;
        }

        var number = Text("number", b.Number, true);
        if (existing is not null && number is not null && number != existing.Number) Err("number", MeasureTexts.NumberFixed);
        var title = Text("title", b.Title, true);
        MeasureKind? kind = null;
        if (string.IsNullOrWhiteSpace(b.Kind)) Err("kind", MeasureTexts.Required);
        else if (MeasureKinds.Parse(b.Kind) is not { } k) Err("kind", MeasureTexts.UnknownKind(b.Kind.Trim()));
        else if (existing is not null && k != existing.Kind) Err("kind", MeasureTexts.KindFixed);
        else kind = k;

        Traeger? traeger = null;
        if (Text("traegerId", b.TraegerId, true) is { } t && (traeger = directory.FindTraeger(t)) is null) Err("traegerId", MeasureTexts.UnknownTraeger(t));
        var location = Text("location", b.Location, true);
        if (b.Start is null) Err("start", MeasureTexts.Required);
        if (b.End is null) Err("end", MeasureTexts.Required);
        if (b.Start is { } s0 && b.End is { } e0 && e0 < s0)
            Err("end", $"Das Maßnahmeende ({MeasureTexts.Date(e0)}) liegt vor dem Beginn ({MeasureTexts.Date(s0)}).");

        var betreuer = StaffRef("betreuerId", b.BetreuerId, required: true);
        var koordinator = StaffRef("koordinatorId", string.IsNullOrWhiteSpace(b.KoordinatorId) ? callerId : b.KoordinatorId, required: true);
        string? teamId = null;
        if (Text("teamId", b.TeamId, false) is { } team)
        {
            if (directory.FindTeam(team) is { } found) teamId = found.Id;
            // A team id known from the staff rows (Entra sync) or already stored needs no team row of its own.
            else if (team == betreuer?.TeamId || team == existing?.TeamId) teamId = team;
            else Err("teamId", MeasureTexts.UnknownTeam(team));
        }
        else teamId = betreuer?.TeamId;
        var targetGroup = Text("targetGroup", b.TargetGroup, false);
        var legalBasis = Text("legalBasis", b.LegalBasis, false);

        Capacity? capacity = null;
        if (kind is { } kd)
            capacity = CapacityOf(kd, b, Err);

        if (errors.Count > 0 || kind is null || capacity is null) return (null, errors);
        try
        {
            var measure = Measure.Create(number!, title!, kind.Value, legalBasis ?? MeasureKinds.DefaultLegalBasis(kind.Value), traeger!.Id,
                location!, b.Start!.Value, b.End!.Value, capacity, null, betreuer!.Id, koordinator!.Id, teamId ?? "", targetGroup);
            if (ContingentProblem(measure) is { } tm) return (null, [new FieldError("teilnahmemonate", tm)]);
            return (measure, []);
        }
        catch (DomainValidationException e)
        {
            return (null, [new FieldError(MeasureField(e.Field), e.Message)]);
        }

        Staff? StaffRef(string field, string? key, bool required)
        {
            if (Text(field, key, required) is not { } k) return null;
            var (staff, problem) = directory.FindStaff(k);
            if (problem is not null) Err(field, problem);
            return staff;
        }
    }

    /// <summary>The capacity through the domain: the kind's maximum first (an absurd number would overflow the UB minimum).</summary>
    private static Capacity? CapacityOf(MeasureKind kind, MeasureBody b, Action<string, string> err)
    {
        var dia = kind == MeasureKind.DiaAm;
        var placesField = dia && b.MaxOccupancy is not null ? "maxOccupancy" : "places";
        var places = dia ? b.MaxOccupancy ?? b.Places : b.Places;
        if (places is null)
        {
            err(dia ? "maxOccupancy" : "places", MeasureTexts.Required);
            return null;
        }
        if (b.MinimumPlaces is not null && kind != MeasureKind.UbInbeq)
        {
            err("minimumPlaces", MeasureTexts.NotForKind);
            return null;
        }
        if (CapacityChange.Check(kind, places.Value, 0) is { Kind: CapacityRefusalKind.AboveMaximum } refusal)
        {
            err(placesField, refusal.Message);
            return null;
        }
        try
        {
            return Capacity.Create(kind, places.Value, b.MinimumPlaces, dia ? b.AverageOccupancy : null, dia ? b.Teilnahmemonate : null);
        }
        catch (DomainValidationException e)
        {
            err(e.Field switch
            {
                nameof(Capacity.Places) => placesField,
                nameof(Capacity.MinimumPlaces) => "minimumPlaces",
                nameof(Capacity.AverageOccupancy) => "averageOccupancy",
                nameof(Capacity.ContractedTm) => "teilnahmemonate",
                _ => placesField,
            }, e.Message);
            return null;
        }
    }

    /// <summary>DIA-AM: a contingent the Höchstbelegung could not use up over the whole term is a typo (1200 for 120).</summary>
    private static string? ContingentProblem(Measure m)
    {
        if (m.Kind != MeasureKind.DiaAm || m.Capacity.ContractedTm is not { } tm) return null;
        var possible = Teilnahmemonate.FromDays(Teilnahmemonate.Days(m.Start, m.End)) * m.Capacity.Places;
        return tm > possible ? MeasureTexts.ContingentUnreachable(tm, m.Capacity.Places, possible) : null;
    }

    private static string MeasureField(string domainField) => domainField switch
    {
        nameof(Measure.Number) => "number",
        nameof(Measure.Title) => "title",
        nameof(Measure.End) => "end",
        nameof(Measure.TraegerId) => "traegerId",
        _ => "kind",
    };
}
