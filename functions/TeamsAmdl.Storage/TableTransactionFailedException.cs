using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// A transaction was rejected as a whole; nothing of it was written. <see cref="RequestFailedException.Status"/> and
/// <see cref="RequestFailedException.ErrorCode"/> are those of the failing action (e.g. 409 EntityAlreadyExists,
/// 412 UpdateConditionNotSatisfied).
/// </summary>
public class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>Zero-based index of the action that failed, when the service named it.</summary>
    public int? FailedTransactionActionIndex { get; }
}
