using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Platform API keys: 32 random bytes behind an <c>slm_</c> prefix. Only their SHA-256 hash is stored; a key has
/// 256 bits of entropy, so a fast hash is enough (a slow KDF protects guessable passwords, not random keys).
/// </summary>
public static class ApiKey
{
    public const string Prefix = "slm_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A short, non-secret label that lets people tell their keys apart.</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)];
}
