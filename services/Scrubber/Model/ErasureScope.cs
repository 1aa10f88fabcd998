namespace SlmPlatform.Scrubber.Model;

/// <summary>An erasure's scope, once the request is read: its kind (<see cref="ErasureScopes"/>) and, for one call or an agent, its target.</summary>
public sealed record ErasureScope(string Kind, string? Target);
