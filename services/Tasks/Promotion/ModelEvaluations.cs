using System.Net;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Tasks.Promotion;

/// <summary>Scores a model as served on a dataset's test split (the training service's evaluations).</summary>
public interface IModelEvaluations
{
    /// <summary>How the model agrees with the teacher on the dataset's test split; null when the model or dataset is unknown there.</summary>
    Task<IncumbentScore?> ScoreOnAsync(string tenantId, Guid modelId, string datasetId, CancellationToken cancellationToken);
}

/// <summary>
/// <c>POST /api/models/{id}/evaluations</c> on the training service, as the platform's service credential acting for
/// the tenant. Training or serving away throws, so the decision waits for a redelivery instead of being made blind.
/// </summary>
public sealed class HttpModelEvaluations(IHttpClientFactory clients, IConfiguration configuration) : IModelEvaluations
{
    public const string ClientName = "training";

    public async Task<IncumbentScore?> ScoreOnAsync(string tenantId, Guid modelId, string datasetId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/models/{modelId}/evaluations")
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["dataset_id"] = datasetId }),
        };
        ServiceCredential.ActFor(request, configuration[ServiceCredential.ConfigurationKey], tenantId);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var curve = evaluation.TryGetProperty("report", out var report) && report.ValueKind == JsonValueKind.Object
            && report.TryGetProperty(CoverageCurve.ReportKey, out var coverage) && coverage.ValueKind == JsonValueKind.Object
            ? coverage.Deserialize<CoverageCurve>()
            : null;
        return new IncumbentScore(evaluation.GetProperty("agreement").GetDouble(), evaluation.GetProperty("agreement_lower").GetDouble(), curve);
    }
}
