namespace TeamsAmdl.Storage;

/// <summary>Which storage service a pipeline talks to; Table signs and reports errors differently.</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}
