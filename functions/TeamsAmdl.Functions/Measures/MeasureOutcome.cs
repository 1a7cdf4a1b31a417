using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// What a measure administration service returns: the value with its HTTP status, or a German problem (status, code,
/// message) with the German errors per field. Mapped to HTTP once (<see cref="Functions.MeasureHttp"/>).
/// </summary>
public sealed record MeasureOutcome<T>(T? Value, int Status, string? Code = null, string? Message = null,
    IReadOnlyList<FieldError>? Errors = null)
{
    public bool Ok => Code is null;

    public static MeasureOutcome<T> Success(T value, int status = 200) => new(value, status);

    public static MeasureOutcome<T> Fail(int status, string code, string message, IReadOnlyList<FieldError>? errors = null) =>
        new(default, status, code, message, errors);

    /// <summary>This failure as an outcome of another type.</summary>
    public MeasureOutcome<TOther> Failure<TOther>() => new(default, Status, Code, Message, Errors);
}
