using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.Testing;

public static class SocketClients
{
    /// <summary>
    /// A plain client over sockets to a factory started on Kestrel (<c>UseKestrel</c>, <c>StartServer</c>). The
    /// factory's own client buffers each request body first (to follow redirects), so a body that never ends would
    /// never leave the test; this one sends it as it comes.
    /// </summary>
    public static HttpClient CreateSocketClient<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory, string apiKey)
        where TEntryPoint : class
    {
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
