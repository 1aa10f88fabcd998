namespace SlmPlatform.Scrubber.Model;

/// <summary>An erasure's scope, once the request is read: <c>call</c>, <c>agent</c> (with its target) or <c>tenant</c>.</summary>
public sealed record ErasureScope(string Kind, string? Target)
{
    public const string Call = "call";
    public const string Agent = "agent";
    public const string Tenant = "tenant";
}
