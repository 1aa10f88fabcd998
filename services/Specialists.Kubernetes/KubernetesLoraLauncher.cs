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

    public static LoraJobState StateOf(V1JobStatus? status) => status switch
    {
        null => LoraJobState.Pending,
        _ when status.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true => LoraJobState.Succeeded,
        _ when status.Conditions?.Any(c => c.Type == "Failed" && c.Status == "True") == true => LoraJobState.Failed,
        { Active: > 0 } => LoraJobState.Running,
        _ => LoraJobState.Pending,
    };
}
