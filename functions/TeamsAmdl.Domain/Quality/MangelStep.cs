namespace TeamsAmdl.Domain.Quality;

/// <summary>The answer of <see cref="MangelRules.Apply"/>: the new state, or a refusal with status, code and German reason.</summary>
public abstract record MangelStep
{
    /// <param name="Deadline">The deadline after the step (Stufe 1 sets it; moved to a working day).</param>
    public sealed record Moved(MangelStatus To, DateOnly? Deadline) : MangelStep;

    /// <param name="Status">403 (role) or 409 (not possible in this state) or 400 (bad deadline).</param>
    public sealed record Refused(int Status, string Code, string Message) : MangelStep;
}
