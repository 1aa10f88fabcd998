using Microsoft.Extensions.Configuration;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Makes every request of a service-to-service HTTP client one service's call to another: the platform's service key
/// (<see cref="ServiceCredential.ConfigurationKey"/>) and the tenant the request acts for (<see cref="ServiceCredentialExtensions.ActingFor"/>).
/// A request that names no tenant, or a service without the key, fails before anything is sent, with an
/// <see cref="HttpRequestException"/>: like an unreachable service, it says nothing of the answer the request would have had.
/// </summary>
public sealed class ServiceCredentialHandler(IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ServiceCredential.TenantOption, out var tenantId))
        {
            throw new HttpRequestException($"A request to {request.RequestUri} names no tenant to act for; it was not sent.");
        }

        var key = configuration[ServiceCredential.ConfigurationKey] is { Length: > 0 } value
            ? value
            : throw new HttpRequestException($"{ServiceCredential.ConfigurationKey} is not set: this service cannot call another without the platform's service credential.");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        request.Headers.Remove(ServiceCredential.TenantHeader);
        request.Headers.Add(ServiceCredential.TenantHeader, tenantId);
        return base.SendAsync(request, cancellationToken);
    }
}
