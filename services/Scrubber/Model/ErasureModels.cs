namespace SlmPlatform.Scrubber.Model;

/// <summary>What to erase: exactly one of one call, an agent's calls, or every call of the tenant.</summary>
public sealed record ErasureRequest(string? CallId, string? Agent, bool? WholeTenant);

/// <summary>An erasure's scope, once the request is read: <c>call</c>, <c>agent</c> (with its target) or <c>tenant</c>.</summary>
public sealed record ErasureScope(string Kind, string? Target)
{
    public const string Call = "call";
    public const string Agent = "agent";
    public const string Tenant = "tenant";
}

/// <summary>
/// An erasure as its report shows it: what each service deleted (summed over the parts), and the services still to
/// report; <c>complete</c> once every service has reported every part.
/// </summary>
public sealed record ErasureStatus(
    Guid Id,
    string Scope,
    string? Target,
    DateTimeOffset RequestedAt,
    string Status,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Deleted,
    IReadOnlyList<string> WaitingFor);
