using Azure;

namespace TeamsAmdl.Storage;

/// <summary>If-Match / If-None-Match / If-(Un)Modified-Since for blob operations. A failed condition is 412.</summary>
public class BlobRequestConditions : RequestConditions
{
}
