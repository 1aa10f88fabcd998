using Npgsql;
using SlmPlatform.Messaging.Sagas;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>
/// A task's promotion is decided by one message at a time whichever replica consumes it: two replicas' transactions
/// on one task's promotion run one after the other, and the second sees what the first saved; another task's
/// promotion does not wait.
/// </summary>
public sealed class PromotionAcrossReplicasTests : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync("tasksdb", Token));

    [Fact]
    public async Task TwoReplicasOnOneTasksPromotion_RunOneAfterTheOther_AndTheSecondSeesTheFirstsDecision()
    {
        var taskId = Guid.NewGuid();
        await using var first = await BeginAsync();
        Assert.Null(await first.LockAndLoadAsync(taskId, Token));

        await using var second = await BeginAsync();
        var secondLoads = second.LockAndLoadAsync(taskId, Token);
        await using (var other = await BeginAsync())
        {
            // Another task's promotion goes ahead while this one is held.
            Assert.Null(await other.LockAndLoadAsync(Guid.NewGuid(), Token).WaitAsync(TimeSpan.FromSeconds(10), Token));
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), Token);
        Assert.False(secondLoads.IsCompleted, "The second replica read the promotion while the first was deciding it.");

        await first.SaveAsync(new PromotionState { CorrelationId = taskId, TenantId = "tenant-a", CurrentState = "Shadow", Checks = 1 }, Token);
        await first.CommitAsync(Token);

        var seen = await secondLoads.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.NotNull(seen);
        Assert.Equal("Shadow", seen.CurrentState);
        Assert.Equal(1, seen.Checks);
    }

    private async Task<PostgresSagaTransaction<PromotionState>> BeginAsync()
    {
        var connection = await _dataSource.OpenConnectionAsync(Token);
        var transaction = await connection.BeginTransactionAsync(Token);
        return new PostgresSagaTransaction<PromotionState>(connection, transaction, PromotionStateStore.Table);
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();
}
