namespace TeamsAmdl.Domain;

/// <summary>
/// A labour-market measure (Maßnahme, R-CAP-1). Number is the Vergabe-/Maßnahmenummer and the identity.
/// Start and End are calendar dates in Europe/Berlin, both inclusive.
/// </summary>
public sealed record Measure(
    string Number,
    string Title,
    MeasureKind Kind,
    string LegalBasis,
    string TraegerId,
    string Location,
    DateOnly Start,
    DateOnly End,
    Capacity Capacity,
    EntryModel EntryModel,
    string BetreuerId,
    string KoordinatorId,
    string TeamId,
    string? TargetGroup = null)
{
    public const int MaxTitleLength = 200;

    /// <summary>Validates a measure at the domain boundary; the message of the exception is German.</summary>
    public static Measure Create(string number, string title, MeasureKind kind, string legalBasis, string traegerId,
        string location, DateOnly start, DateOnly end, Capacity capacity, EntryModel? entryModel, string betreuerId,
        string koordinatorId, string teamId, string? targetGroup = null)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 40 || number.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
            throw new DomainValidationException(nameof(Number),
                "Die Maßnahmenummer fehlt oder enthält unzulässige Zeichen (/, \\, #, ?).");
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
            throw new DomainValidationException(nameof(Title), $"Der Titel fehlt oder ist länger als {MaxTitleLength} Zeichen.");
        if (end < start)
            throw new DomainValidationException(nameof(End),
                $"Das Maßnahmeende ({end:dd.MM.yyyy}) liegt vor dem Beginn ({start:dd.MM.yyyy}).");
        if (string.IsNullOrWhiteSpace(traegerId))
            throw new DomainValidationException(nameof(TraegerId), "Der Träger fehlt.");
        var model = entryModel ?? (kind == MeasureKind.DiaAm ? EntryModel.Stichtage14Tage : EntryModel.Laufend);
        if (kind == MeasureKind.DiaAm && model != EntryModel.Stichtage14Tage)
            throw new DomainValidationException(nameof(EntryModel), "DIA-AM hat Einstiegstermine im 14-tägigen Rhythmus.");
        return new Measure(number.Trim(), title.Trim(), kind, legalBasis, traegerId, location, start, end, capacity, model,
            betreuerId, koordinatorId, teamId, targetGroup);
    }
}
