using Microsoft.Extensions.Options;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// What <c>GET /api/deployments</c> shows: serving's registry of the tenant's specialists, each with the target that
/// answers for it. The registry is files in the artifact store, so a page is cut from the sorted list in memory.
/// </summary>
public sealed class DeploymentListing(ISpecialistSource source, ExternalDeployments external, LoadedSpecialists loaded, IOptions<DeployOptions> options)
{
    public async Task<IReadOnlyList<DeploymentSummary>> ListAsync(
        string tenantId, (DateTimeOffset CreatedAt, Guid ModelId)? after, int limit, CancellationToken cancellationToken)
    {
        var inMemory = loaded.Loaded.Select(l => l.Specialist.Descriptor.Id).ToHashSet();
        return [.. (await source.ListAsync(tenantId, cancellationToken))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Where(s => after is not { } last || s.CreatedAt < last.CreatedAt || (s.CreatedAt == last.CreatedAt && s.Id.CompareTo(last.ModelId) < 0))
            .Take(limit)
            .Select(s => Describe(s, inMemory.Contains(s.Id)))];
    }

    private DeploymentSummary Describe(SpecialistDescriptor specialist, bool loadedHere)
    {
        if (external.Find(specialist.TenantId, specialist.Id) is { } forwarded)
        {
            return new DeploymentSummary(specialist.Id, specialist.TaskId, specialist.Kind, forwarded.Target, WithoutCredentials(forwarded.Endpoint),
                forwarded.ServedName, specialist.CreatedAt, forwarded.DeployedAt, loadedHere);
        }

        var embedded = specialist.Kind is SpecialistKinds.ClassifierHead or SpecialistKinds.Generative;
        return new DeploymentSummary(specialist.Id, specialist.TaskId, specialist.Kind, embedded ? DeployTargets.Embedded : null,
            embedded ? WithoutCredentials(options.Value.EmbeddedUrl.ToString()) : null, specialist.Name, specialist.CreatedAt, null, loadedHere);
    }

    // A target's URL may carry a user and password or a token in its query; a list shows where, never how to get in.
    private static string WithoutCredentials(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : string.Empty;
}
