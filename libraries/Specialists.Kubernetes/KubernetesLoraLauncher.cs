using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace SlmPlatform.Specialists.Kubernetes;

/// <summary>Where a fine-tune job stands on the cluster.</summary>
public enum LoraJobState
{
    Missing,
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// Starts, follows and stops fine-tune jobs on a Kubernetes cluster. Starting is idempotent: the job's name derives
/// from the platform's job id, so a worker that retries after a crash finds the job it started instead of a second one.
/// </summary>
public sealed class KubernetesLoraLauncher(IKubernetes kubernetes, LoraJobOptions options)
{
    /// <summary>Creates the job; true when this call created it, false when it was already there.</summary>
    public async Task<bool> StartAsync(LoraJobRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.BatchV1.CreateNamespacedJobAsync(LoraJobSpec.Build(request, options), options.Namespace, cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<LoraJobState> StateAsync(Guid jobId, CancellationToken cancellationToken)
    {
        V1Job job;
        try
        {
            job = await kubernetes.BatchV1.ReadNamespacedJobStatusAsync(LoraJobSpec.NameOf(jobId), options.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return LoraJobState.Missing;
        }

        return StateOf(job.Status);
    }

    /// <summary>
    /// Why a failed job failed, in a line: its pod's last termination (reason, exit code and message — the tail of the
    /// recipe's log, which ends with its <c>error:</c> line) and the job's own failure condition (a backoff limit or deadline).
    /// </summary>
    public async Task<string> FailureAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        try
        {
            var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(
                options.Namespace, labelSelector: $"{LoraJobSpec.JobIdLabel}={jobId:N}", cancellationToken: cancellationToken);
            var terminated = pods.Items.OrderByDescending(p => p.Metadata?.CreationTimestamp)
                .SelectMany(p => p.Status?.ContainerStatuses ?? [])
                .Select(c => c.State?.Terminated ?? c.LastState?.Terminated)
                .FirstOrDefault(t => t is { ExitCode: not 0 });
            if (terminated is not null)
            {
                parts.Add($"the trainer's pod ended with {terminated.Reason ?? "an error"} (exit code {terminated.ExitCode})" + Tail(terminated.Message));
            }
        }
        catch (HttpOperationException)
        {
            // Reading pods may be forbidden to the service account; the job's condition still says something.
        }

        try
        {
            var job = await kubernetes.BatchV1.ReadNamespacedJobStatusAsync(LoraJobSpec.NameOf(jobId), options.Namespace, cancellationToken: cancellationToken);
            if (job.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True") is { } failed)
            {
                parts.Add($"the Kubernetes Job failed: {failed.Reason}" + (string.IsNullOrEmpty(failed.Message) ? string.Empty : $" ({failed.Message})"));
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }

        return parts.Count == 0 ? "the Kubernetes Job failed and left no reason" : string.Join("; ", parts);
    }

    /// <summary>Stops the job and its pod; a job already gone is fine.</summary>
    public async Task CancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.BatchV1.DeleteNamespacedJobAsync(
                LoraJobSpec.NameOf(jobId), options.Namespace, propagationPolicy: "Background", cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>The last lines of a termination message, on one line and short enough for a job's error field.</summary>
    private static string Tail(string? message)
    {
        const int MaxLength = 500;
        if (string.IsNullOrWhiteSpace(message))
        {
            return string.Empty;
        }

        var text = string.Join(" | ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return ": " + (text.Length <= MaxLength ? text : "…" + text[^MaxLength..]);
    }

    public static LoraJobState StateOf(V1JobStatus? status) => status switch
    {
        null => LoraJobState.Pending,
        _ when status.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true => LoraJobState.Succeeded,
        _ when status.Conditions?.Any(c => c.Type == "Failed" && c.Status == "True") == true => LoraJobState.Failed,
        { Active: > 0 } => LoraJobState.Running,
        _ => LoraJobState.Pending,
    };
}
