namespace TeamsAmdl.Storage;

/// <summary>Merge keeps properties the entity does not name; Replace drops them.</summary>
public enum TableUpdateMode
{
    Merge = 0,
    Replace = 1,
}
