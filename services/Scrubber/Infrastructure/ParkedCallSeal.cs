using System.Security.Cryptography;
using System.Text;
using SlmPlatform.Scrubbing;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// Seals raw captures for parking: AES-256-GCM under a key derived (HKDF-SHA256) from the scrubber's surrogate key,
/// bound to the tenant and call id so that a sealed payload cannot be passed off as another call's. Layout: nonce (12
/// bytes), ciphertext, tag (16 bytes).
/// </summary>
public sealed class ParkedCallSeal(ScrubPolicy policy)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, policy.Key, 32, info: "slm:parked-calls:v1"u8.ToArray());

    public byte[] Seal(string tenantId, string callId, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), Associated(tenantId, callId));
        return sealedBytes;
    }

    /// <summary>The plaintext; throws <see cref="AuthenticationTagMismatchException"/> for a payload sealed for another call or key.</summary>
    public byte[] Open(string tenantId, string callId, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new InvalidDataException("The parked payload is shorter than its nonce and tag.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, plaintext.Length), sealedBytes[^TagSize..], plaintext, Associated(tenantId, callId));
        return plaintext;
    }

    private static byte[] Associated(string tenantId, string callId) => Encoding.UTF8.GetBytes($"{tenantId}\u001f{callId}");
}
