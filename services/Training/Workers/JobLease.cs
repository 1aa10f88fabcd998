using System.Diagnostics;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Renews a job's lease every third of its length while the job runs, and cancels the run's token when the lease
/// is lost (another worker took the job, or the database stayed away for most of a lease) or the user asked to
/// cancel, or when the job's time limit passes.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private readonly CancellationToken _worker;

    public JobLease(JobStore jobs, Guid jobId, string holder, TimeSpan lease, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        _worker = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop.CancelAfter(timeLimit);
        _loop = RenewAsync(jobs, jobId, holder, lease);
    }

    /// <summary>Cancelled when the run must stop; <see cref="Reason"/> says why.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>null while the run may go on; then <c>lost</c>, <c>cancelled</c> or <c>time_limit</c>.</summary>
    public string? Reason { get; private set; }

    public string StopReason => Reason ?? "time_limit";

    /// <summary>
    /// The run stopped but the job goes on elsewhere: another worker holds it, or this worker is shutting down and the
    /// sweeper will hand it on. Work running outside this process (a Kubernetes Job) must then be left running.
    /// </summary>
    public bool Abandoned => Reason == "lost" || _worker.IsCancellationRequested;

    private async Task RenewAsync(JobStore jobs, Guid jobId, string holder, TimeSpan lease)
    {
        using var timer = new PeriodicTimer(lease / 3);
        var renewed = Stopwatch.StartNew();
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                bool held, cancelRequested;
                try
                {
                    (held, cancelRequested) = await jobs.HeartbeatAsync(jobId, holder, lease, _stop.Token);
                    renewed.Restart();
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
                {
                    // The database is away. Once the lease may have run out, another worker may take the job:
                    // stop before that can happen rather than train beside it.
                    (held, cancelRequested) = (renewed.Elapsed < lease * 2 / 3, false);
                }

                if (!held || cancelRequested)
                {
                    Reason = held ? "cancelled" : "lost";
                    await _stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended, or was stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
