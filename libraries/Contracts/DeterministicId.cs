using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.Contracts;

/// <summary>
/// Name-based ids (RFC 9562 version 8, SHA-256): the same parts always give the same id, which is what makes a
/// redelivered message or a repeated POST recognisable downstream.
/// </summary>
public static class DeterministicId
{
    /// <summary>Derives a stable id from a kind (the namespace) and the parts that identify one thing.</summary>
    public static Guid Create(string kind, params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder(kind);
        foreach (var part in parts)
        {
            // Length-prefixed so that ("ab","c") and ("a","bc") differ.
            builder.Append('\u001f').Append(part.Length).Append(':').Append(part);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The id of the <see cref="CallCaptured"/> message for one call of one tenant.</summary>
    public static Guid ForCapture(string tenantId, string callId) => Create("call-captured", tenantId, callId);

    /// <summary>The id of the <see cref="CallScrubbed"/> event for one call of one tenant.</summary>
    public static Guid ForScrubbed(string tenantId, string callId) => Create("call-scrubbed", tenantId, callId);
}
