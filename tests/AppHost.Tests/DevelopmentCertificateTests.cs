namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// The platform runs on plain http locally, so Aspire must have no reason to look for a trusted development
/// certificate: it shows a red "No trusted development certificate" banner on every dashboard page when any resource
/// has an https endpoint or an https certificate it has not been told to go without.
/// </summary>
public sealed class DevelopmentCertificateTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("slm-certificates-");

    [Fact]
    public async Task NoResource_UsesTls_InLocalMode()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--Infrastructure:Mode=local", $"--Infrastructure:StateDirectory={_state.FullName}"],
            (options, _) => options.DisableDashboard = true,
            TestContext.Current.CancellationToken);

        var usingTls = builder.Resources.Where(UsesTls).Select(r => r.Name).ToList();

        Assert.True(usingTls.Count == 0, $"These resources would have Aspire ask for a development certificate: {string.Join(", ", usingTls)}.");
    }

    public void Dispose() => _state.Delete(recursive: true);

#pragma warning disable ASPIRECERTIFICATES001 // Aspire's own test for "uses TLS" reads these annotations.
    private static bool UsesTls(IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.UriScheme is "https")
        || (resource.Annotations.OfType<HttpsCertificateConfigurationCallbackAnnotation>().Any()
            && !(resource.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var certificate)
                 && certificate.UseDeveloperCertificate is false or null && certificate.Certificate is null));
#pragma warning restore ASPIRECERTIFICATES001
}
