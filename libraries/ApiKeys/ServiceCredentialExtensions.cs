using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlmPlatform.ApiKeys;

public static class ServiceCredentialExtensions
{
    /// <summary>The client's requests carry the platform's service credential (<see cref="ServiceCredentialHandler"/>).</summary>
    public static IHttpClientBuilder AddServiceCredential(this IHttpClientBuilder builder)
    {
        builder.Services.TryAddTransient<ServiceCredentialHandler>();
        return builder.AddHttpMessageHandler<ServiceCredentialHandler>();
    }

    /// <summary>Names the tenant whose work the request does.</summary>
    public static HttpRequestMessage ActingFor(this HttpRequestMessage request, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(ServiceCredential.TenantOption, tenantId);
        return request;
    }
}
