using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// The key platform services use between themselves (<c>Platform:ServiceKey</c>, a secret the AppHost generates).
/// A request made with it names the tenant it acts for in <see cref="TenantHeader"/>; without the setting no request
/// can authenticate this way. Clients attach it with <see cref="ServiceCredentialHandler"/>.
/// </summary>
public sealed class ServiceCredential(string? key)
{
    public const string ConfigurationKey = "Platform:ServiceKey";
    public const string TenantHeader = "X-Slm-Tenant";

    // Keys shorter than this are configuration mistakes, not secrets; they are ignored rather than trusted.
    private const int MinimumLength = 24;

    private readonly byte[]? _key = key is { Length: >= MinimumLength } ? Encoding.UTF8.GetBytes(key) : null;

    public bool IsConfigured => _key is not null;

    public bool Matches(string presented) =>
        _key is not null && CryptographicOperations.FixedTimeEquals(_key, Encoding.UTF8.GetBytes(presented));

    /// <summary>The tenant a service-to-service request acts for, read by <see cref="ServiceCredentialHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> TenantOption = new("slm-acting-for-tenant");
}
