using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// HTTP 412: an If-Match/If-None-Match condition failed (e.g. UpdateConditionNotSatisfied on a stale ETag).
/// Still a <see cref="RequestFailedException"/> with Status 412, so code written against the official SDK keeps working.
/// </summary>
public class StorageConflictException : RequestFailedException
{
    public StorageConflictException(Response response)
        : base(response, null, StorageErrorParser.Instance)
    {
    }
}
