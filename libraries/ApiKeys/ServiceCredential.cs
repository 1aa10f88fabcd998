using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Keys platform services use between themselves, one per calling service. <c>Platform:ServiceKey</c> is this
/// service's own, which its clients send (<see cref="ServiceCredentialHandler"/>); <c>Platform:TrustedServices:{name}</c>
/// are the keys of the services allowed to call this one, each known by its name, and no other key is taken for a
/// service's. A request made with one names the tenant it acts for in <see cref="TenantHeader"/> and may read and ask
/// for answers, never administer (<see cref="ApiScopes.Service"/>).
/// </summary>
public sealed class ServiceCredential
{
    public const string ConfigurationKey = "Platform:ServiceKey";
    public const string TrustedSection = "Platform:TrustedServices";
    public const string TenantHeader = "X-Slm-Tenant";

    // Keys shorter than this are configuration mistakes, not secrets; they are ignored rather than trusted.
    private const int MinimumLength = 24;

    private readonly (string Name, byte[] Key)[] _trusted;

    public ServiceCredential(IEnumerable<KeyValuePair<string, string?>> trustedServices) =>
        _trusted = [.. trustedServices.Where(t => t.Value is { Length: >= MinimumLength }).Select(t => (t.Key, Encoding.UTF8.GetBytes(t.Value!)))];

    /// <summary>The trusted service whose key was presented, or null.</summary>
    public string? CallerOf(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        string? caller = null;

        // Every key is compared, in fixed time, so that the time taken tells nothing of which one came close.
        foreach (var (name, key) in _trusted)
        {
            if (CryptographicOperations.FixedTimeEquals(key, bytes))
            {
                caller = name;
            }
        }

        return caller;
    }

    /// <summary>The tenant a service-to-service request acts for, read by <see cref="ServiceCredentialHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> TenantOption = new("slm-acting-for-tenant");
}
