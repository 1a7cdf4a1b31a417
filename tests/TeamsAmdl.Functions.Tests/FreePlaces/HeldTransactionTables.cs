using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.FreePlaces;

/// <summary>
/// The app's tables on Azurite, except that the first entity-group transaction on the Measures table is held just
/// before it is sent, until the test releases it. A writer built on these tables has then read the measure and
/// decided; the test lets another writer commit in between and releases the first: a deterministic race.
/// Retries (and every later transaction) pass straight through.
/// </summary>
public sealed class HeldTransactionTables
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public HeldTransactionTables(string tablePrefix)
    {
        var measures = new HoldingTableClient(Azurite.ConnectionString, tablePrefix + Tables.MeasuresTable, this);
        Tables = new Tables(new Service(Azurite.ConnectionString, measures), tablePrefix);
    }

    public Tables Tables { get; }

    /// <summary>Completes when the held transaction is waiting to be sent.</summary>
    public Task Arrived => _arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Release() => _release.TrySetResult();

    private async Task HoldFirstAsync()
    {
        if (Interlocked.Exchange(ref _held, 1) == 1) return;
        _arrived.TrySetResult();
        await _release.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class HoldingTableClient(string connectionString, string table, HeldTransactionTables owner)
        : TableClient(connectionString, table)
    {
        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
            IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            await owner.HoldFirstAsync();
            return await base.SubmitTransactionAsync(transactionActions, cancellationToken);
        }
    }

    private sealed class Service(string connectionString, TableClient measures) : TableServiceClient(connectionString)
    {
        public override TableClient GetTableClient(string tableName) =>
            tableName == measures.Name ? measures : base.GetTableClient(tableName);
    }
}
