using Microsoft.Extensions.Options;
using SlmPlatform.Gateway.Infrastructure;
using SlmPlatform.Routing;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Compares specialists with the teacher on live calls, behind the callers' backs: in shadow mode the specialist is
/// asked while the teacher answers the caller; in full and canary mode a sampled share of the specialist's answers is
/// also asked of the teacher. Each comparison lands in the routing ledger, where the promotion policy reads agreement.
/// Nothing here adds latency to a call or fails one: the work runs on the thread pool, at most
/// <see cref="SpecialistRoutingOptions.MaxBackgroundRequests"/> questions at once (more are skipped and counted), stops
/// with the host, and its errors are counted and logged, never thrown.
/// </summary>
public sealed partial class OnlineComparisons : IDisposable
{
    private readonly SpecialistClient _specialists;
    private readonly UpstreamRelay _teacher;
    private readonly RoutingMetrics _metrics;
    private readonly ILogger<OnlineComparisons> _logger;
    private readonly RoutingLedger? _ledger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationToken _stopping;

    public OnlineComparisons(
        SpecialistClient specialists, UpstreamRelay teacher, IOptions<SpecialistRoutingOptions> options, RoutingMetrics metrics,
        IHostApplicationLifetime lifetime, ILogger<OnlineComparisons> logger, RoutingLedger? ledger = null)
    {
        _specialists = specialists;
        _teacher = teacher;
        _metrics = metrics;
        _logger = logger;
        _ledger = ledger;
        _slots = new SemaphoreSlim(options.Value.MaxBackgroundRequests);
        _stopping = lifetime.ApplicationStopping;
    }

    /// <summary>
    /// Asks the specialist now; once the teacher's answer is set on the returned source (null when the call did not
    /// complete), compares the two. Null when no slot is free: the call is then not compared.
    /// </summary>
    public TaskCompletionSource<TeacherAnswer?>? StartShadow(string tenantId, SpecialistRoute route, byte[] specialistBody)
    {
        if (!TryTakeSlot(route))
        {
            return null;
        }

        var teacher = new TaskCompletionSource<TeacherAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(() => ShadowAsync(tenantId, route, specialistBody, teacher.Task), CancellationToken.None);
        return teacher;
    }

    /// <summary>Asks the teacher the call (<paramref name="teacherBody"/>) the specialist answered, and compares the two.</summary>
    public void StartSample(string tenantId, CallSite callSite, SpecialistRoute route, JsonElement specialistMessage, byte[] teacherBody)
    {
        if (TryTakeSlot(route))
        {
            _ = Task.Run(() => SampleAsync(tenantId, callSite, route, specialistMessage, teacherBody), CancellationToken.None);
        }
    }

    public void Dispose() => _slots.Dispose();

    private bool TryTakeSlot(SpecialistRoute route)
    {
        if (_slots.Wait(0))
        {
            return true;
        }

        _metrics.ComparisonSkipped(route.TaskId);
        return false;
    }

    private void ReleaseSlot()
    {
        try
        {
            _slots.Release();
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while this comparison was winding down.
        }
    }

    private async Task ShadowAsync(string tenantId, SpecialistRoute route, byte[] specialistBody, Task<TeacherAnswer?> teacherAnswered)
    {
        try
        {
            SpecialistAnswer answer;
            try
            {
                answer = await _specialists.AskAsync(tenantId, route, specialistBody, _stopping);
            }
            finally
            {
                // The slot bounds questions in flight; waiting for the caller's own teacher call costs nothing extra.
                ReleaseSlot();
            }

            if (answer.Failure is { } failure)
            {
                _metrics.ComparisonFailed(route.TaskId, $"specialist_{failure}");
                if (_ledger is not null)
                {
                    await _ledger.RecordShadowFailureAsync(tenantId, route.TaskId);
                }

                return;
            }

            if (!route.Answers(answer.Confidence))
            {
                // In full mode the teacher would have answered this call: there is nothing to compare, only coverage to count.
                _metrics.ShadowAbstained(route.TaskId);
                if (_ledger is not null)
                {
                    await _ledger.RecordShadowAbstentionAsync(tenantId, route.TaskId);
                }

                return;
            }

            if ((await teacherAnswered.WaitAsync(_stopping))?.Message() is not { } teacher)
            {
                _metrics.ComparisonFailed(route.TaskId, "teacher_did_not_answer");
                return;
            }

            await RecordAsync(tenantId, route, answer.Message, teacher);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The gateway is stopping: the comparison is simply not made.
        }
        catch (Exception e)
        {
            Failed(route, e);
        }
    }

    private async Task SampleAsync(string tenantId, CallSite callSite, SpecialistRoute route, JsonElement specialistMessage, byte[] teacherBody)
    {
        try
        {
            if ((await _teacher.AskAsync(tenantId, callSite, teacherBody, _stopping))?.Message() is not { } teacher)
            {
                _metrics.ComparisonFailed(route.TaskId, "teacher_did_not_answer");
                return;
            }

            await RecordAsync(tenantId, route, specialistMessage, teacher);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The gateway is stopping: the comparison is simply not made.
        }
        catch (Exception e)
        {
            Failed(route, e);
        }
        finally
        {
            ReleaseSlot();
        }
    }

    private async Task RecordAsync(string tenantId, SpecialistRoute route, JsonElement specialist, JsonElement teacher)
    {
        var agreed = AnswerAgreement.Agree(route.Check, specialist, teacher);
        _metrics.Compared(route.TaskId, route.Mode, agreed);
        if (_ledger is not null)
        {
            await _ledger.RecordComparisonAsync(tenantId, route.TaskId, agreed);
        }
    }

    private void Failed(SpecialistRoute route, Exception e)
    {
        _metrics.ComparisonFailed(route.TaskId, "error");
        LogComparisonFailed(route.TaskId, e.GetType().Name);
    }

    // The type only: an exception's message may quote the call.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: a background comparison with the teacher failed ({Error})")]
    private partial void LogComparisonFailed(Guid taskId, string error);
}
