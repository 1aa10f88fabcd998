using SlmPlatform.ApiKeys;

namespace SlmPlatform.Tasks.Promotion;

/// <summary>Starts a new fine-tune job for a task (the training service's jobs).</summary>
public interface IModelRetraining
{
    /// <summary>Asks for a job; <paramref name="clientJobId"/> makes a repeated request find the same job.</summary>
    Task RequestAsync(string tenantId, Guid taskId, string clientJobId, CancellationToken cancellationToken);
}

/// <summary><c>POST /api/finetune-jobs</c> on the training service, as the platform's service credential acting for the tenant.</summary>
public sealed class HttpModelRetraining(IHttpClientFactory clients, IConfiguration configuration) : IModelRetraining
{
    public async Task RequestAsync(string tenantId, Guid taskId, string clientJobId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/finetune-jobs")
        {
            Content = JsonContent.Create(new Dictionary<string, object> { ["task_id"] = taskId, ["client_job_id"] = clientJobId }),
        };
        ServiceCredential.ActFor(request, configuration[ServiceCredential.ConfigurationKey], tenantId);
        using var response = await clients.CreateClient(HttpModelEvaluations.ClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
