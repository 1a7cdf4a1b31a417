namespace TeamsAmdl.Functions.Measures;

/// <summary>The action names of an import line (machine-readable; the tab shows them in German).</summary>
public static class ImportActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";
    public const string Error = "error";
}
