namespace SlmPlatform.AppHost.Extensions;

public static class PlainHttpExtensions
{
    /// <summary>
    /// Runs the services on the plain http their launch profiles give, without a development certificate. Aspire gives
    /// every project an https certificate callback, and any resource with one has it look for a trusted development
    /// certificate at start and, finding none (as on a fresh Linux machine), show a red banner on every dashboard page.
    /// Only when running: a deployment terminates TLS in front of the services.
    /// </summary>
    public static IDistributedApplicationBuilder ServeOverPlainHttp(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        // Evaluation API (Aspire 13); DevelopmentCertificateTests fails if a later Aspire changes what it takes.
#pragma warning disable ASPIRECERTIFICATES001
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithoutHttpsCertificate();
        }
#pragma warning restore ASPIRECERTIFICATES001

        return builder;
    }
}
