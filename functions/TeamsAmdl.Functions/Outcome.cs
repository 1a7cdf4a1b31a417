namespace TeamsAmdl.Functions;

/// <summary>
/// What a service returns: a value with the HTTP status of its success, or a German problem (status, code for machines,
/// sentence for people). Mapped to HTTP in one place, <see cref="ToResult{TView}"/>.
/// </summary>
public sealed record Outcome<T>(T? Value, int Status, string? Code = null, string? Message = null)
{
    public bool Ok => Code is null;

    public static Outcome<T> Success(T value, int status = 200) => new(value, status);

    public static Outcome<T> Fail(int status, string code, string message) => new(default, status, code, message);

    /// <summary>The value as JSON (through <paramref name="view"/>) with its status, or the problem JSON.</summary>
    public IResult ToResult<TView>(Func<T, TView> view) =>
        Ok ? Results.Json(view(Value!), statusCode: Status) : ProblemResponses.Problem(Status, Code!, Message!);
}
