using Azure;

namespace TeamsAmdl.Storage;

/// <summary>
/// Optimistic concurrency on storage: read a row (or rows) with its ETag, decide, write conditionally (If-Match, or a
/// table transaction carrying the ETags). A concurrent writer makes the write fail with 412 (a transaction with a
/// <c>TableTransactionFailedException</c>, also Status 412); then the whole attempt — read, decide, write — runs
/// again. An insert of a row that was missing when read loses the same race with 409 EntityAlreadyExists, and is
/// retried the same way. Bounded, so two writers that keep overtaking each other end in the last 412 instead of spinning.
/// </summary>
public static class Optimistic
{
    /// <summary>Attempts (the first included) unless a caller asks for more or fewer.</summary>
    public const int DefaultAttempts = 5;

    /// <summary>A random 5 … <paramref name="maxMilliseconds"/> ms pause, for <c>pause</c>.</summary>
    public static TimeSpan Jitter(int maxMilliseconds) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, Math.Max(6, maxMilliseconds)));

    /// <summary>
    /// 412: the ETag condition failed because someone wrote the resource since it was read; 409 EntityAlreadyExists:
    /// someone inserted the row we read as missing.
    /// </summary>
    public static bool IsStale(Exception e) =>
        e is RequestFailedException { Status: 412 } or RequestFailedException { Status: 409, ErrorCode: "EntityAlreadyExists" };

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its zero-based number) until it finishes without a 412, at most
    /// <paramref name="maxAttempts"/> times; the last attempt's 412 propagates. Every attempt must read afresh:
    /// repeating a write with the old ETag would fail again. <paramref name="pause"/> (given the number of the attempt
    /// that lost) is waited before the next one: a jittered pause keeps many writers on one hot row from colliding in step.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<int, CancellationToken, Task<T>> attempt, int maxAttempts = DefaultAttempts,
        Func<int, TimeSpan>? pause = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (var n = 0; ; n++)
        {
            try
            {
                return await attempt(n, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsStale(e) && n + 1 < maxAttempts)
            {
                // lost the race: read again
            }
            if (pause?.Invoke(n) is { } wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="RetryAsync{T}(Func{int, CancellationToken, Task{T}}, int, CancellationToken)"/>
    public static Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, int maxAttempts = DefaultAttempts,
        Func<int, TimeSpan>? pause = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RetryAsync((_, ct) => attempt(ct), maxAttempts, pause, cancellationToken);
    }

    /// <inheritdoc cref="RetryAsync{T}(Func{int, CancellationToken, Task{T}}, int, CancellationToken)"/>
    public static Task RetryAsync(Func<CancellationToken, Task> attempt, int maxAttempts = DefaultAttempts,
        Func<int, TimeSpan>? pause = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RetryAsync<bool>(async (_, ct) =>
        {
            await attempt(ct).ConfigureAwait(false);
            return true;
        }, maxAttempts, pause, cancellationToken);
    }
}
