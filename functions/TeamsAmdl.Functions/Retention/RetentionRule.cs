using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Retention;

/// <summary>
/// One deletion rule: rows of <paramref name="Table"/> that <paramref name="Filter"/> selects on the server for a cutoff
/// (now − <paramref name="Period"/>) are deleted, unless <paramref name="Touched"/> (read from the <paramref name="Select"/>ed
/// columns) says the row changed after the cutoff. <paramref name="Audited"/> rules write a <see cref="RetentionAuditEntity"/>.
/// </summary>
public sealed record RetentionRule(
    string Name,
    string Table,
    string Setting,
    TimeSpan Period,
    bool Audited,
    Func<DateTimeOffset, string> Filter,
    string[]? Select = null,
    Func<TableEntity, DateTimeOffset?>? Touched = null);

/// <summary>A table without deletion rule and why its size stays bounded.</summary>
public sealed record KeptTable(string Table, string Reason);
