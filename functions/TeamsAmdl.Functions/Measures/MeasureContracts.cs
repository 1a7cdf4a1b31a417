namespace TeamsAmdl.Functions.Measures;

/// <summary>Request and response records of the measure administration (routes: Measures/README.md).</summary>
public static class MeasureContracts
{
    /// <summary>
    /// POST api/measures and PUT api/measures/{number}. Kind is the enum name ("DiaAm") or its German label ("DIA-AM").
    /// DIA-AM: maxOccupancy (or places) = Höchstbelegung, averageOccupancy, teilnahmemonate (contingent). UB: places =
    /// Gesamtplatzzahl, minimumPlaces defaults to 70 %. On PUT a missing field keeps its stored value.
    /// </summary>
    public sealed record MeasureBody(string? Number = null, string? Title = null, string? Kind = null, string? LegalBasis = null,
        string? TraegerId = null, string? Location = null, DateOnly? Start = null, DateOnly? End = null, int? Places = null,
        decimal? Teilnahmemonate = null, int? MaxOccupancy = null, int? AverageOccupancy = null, int? MinimumPlaces = null,
        string? BetreuerId = null, string? KoordinatorId = null, string? TeamId = null, string? TargetGroup = null);

    /// <summary>POST api/traeger. Id defaults to one made from the name ("tr-bildungswerk-rheinaue").</summary>
    public sealed record TraegerBody(string? Id = null, string? Name = null, string? City = null, string? ContactEmail = null);

    public sealed record TraegerView(string Id, string Name, string City, string? ContactEmail);

    /// <summary>A German error for one input field (JSON name), shown next to that field in the tab.</summary>
    public sealed record FieldError(string Field, string Message);

    /// <summary>An import error: 1-based line of the file (the header is line 1), column header as in the file, German text.</summary>
    public sealed record ImportError(int Line, string? Column, string Message);

    /// <summary>What one line of the file does: create, update or unchanged (or error), with the changed fields in German.</summary>
    public sealed record ImportLine(int Line, string? Number, string Action, IReadOnlyList<string> Changes, IReadOnlyList<ImportError> Errors);

    /// <summary>The dry run's (and the apply's) answer. Applied is true only when every line was written.</summary>
    public sealed record ImportReport(bool DryRun, bool Applied, string Encoding, int Lines, int Created, int Changed, int Unchanged,
        int ErrorCount, string Message, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportLine> Results);
}
