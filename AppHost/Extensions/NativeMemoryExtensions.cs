namespace SlmPlatform.AppHost.Extensions;

public static class NativeMemoryExtensions
{
    /// <summary>The most glibc malloc arenas a request-path service keeps (deploy/k8s sets the same).</summary>
    public const string MallocArenas = "2";

    /// <summary>
    /// Caps glibc's malloc arenas. Each thread-pool thread that allocates natively (OpenSSL for every capture's
    /// AES-GCM, the route key's HMAC, the API key's hash) may land in a new arena, up to eight per core, and glibc hands
    /// an arena's freed memory back to the system only when its top is free: in the 30-minute soak the gateway's
    /// resident memory crept up 0.7 MB a minute with its managed heap flat, all of it freed memory kept in 16 arenas,
    /// and malloc_trim gave it all back (docs/reliability.md, "Soak").
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBoundedMallocArenas(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("MALLOC_ARENA_MAX", MallocArenas);
}
