namespace TeamsAmdl.Storage;

public enum DeleteSnapshotsOption
{
    None = 0,
    IncludeSnapshots = 1,
    OnlySnapshots = 2,
}
