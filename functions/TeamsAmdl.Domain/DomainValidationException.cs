namespace TeamsAmdl.Domain;

/// <summary>Input that breaks a domain rule. <see cref="Exception.Message"/> is German and meant for people.</summary>
public sealed class DomainValidationException(string field, string message) : Exception(message)
{
    /// <summary>The offending field (English identifier, for machines).</summary>
    public string Field { get; } = field;
}
