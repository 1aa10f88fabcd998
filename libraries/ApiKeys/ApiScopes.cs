namespace SlmPlatform.ApiKeys;

/// <summary>
/// What a key may do. <see cref="Capture"/>: send calls (gateway, ingest) and ask specialists (serving), what an
/// agent's key needs and no more; <see cref="Read"/>: every GET; <see cref="Admin"/>: everything that changes state,
/// keys included. Each is also the name of the authorization policy that requires it.
/// </summary>
public static class ApiScopes
{
    public const string Capture = "capture";
    public const string Read = "read";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Capture, Read, Admin];

    /// <summary>What a platform service calling another may do: read, and ask for answers as an agent would.</summary>
    public static IReadOnlyList<string> Service { get; } = [Capture, Read];

    /// <summary>The claim each of a key's scopes becomes.</summary>
    public const string ClaimType = "slm:scope";
}
