using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.Routing;

/// <summary>
/// Which calls fall in a share (a canary's, or the sampled ones), decided by a hash of the request body rather than by
/// chance: an agent's retry sends the same body and lands the same way, and a test can know the outcome in advance.
/// The purpose and the task are hashed in too, so a call's canary and sampling decisions are independent, and each
/// task's canary takes a different slice of similar traffic.
/// </summary>
public static class RouteShares
{
    public const string CanaryPurpose = "canary";
    public const string SamplePurpose = "sample";

    /// <summary>True for a <paramref name="share"/> of all bodies: never at 0, always at 1.</summary>
    public static bool Selects(string purpose, Guid taskId, ReadOnlySpan<byte> requestBody, double share)
    {
        if (share <= 0)
        {
            return false;
        }

        if (share >= 1)
        {
            return true;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(purpose));
        hash.AppendData(taskId.ToByteArray());
        hash.AppendData(requestBody);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        // The top 53 bits as a fraction in [0, 1): uniform, and exact in a double.
        var fraction = (BinaryPrimitives.ReadUInt64BigEndian(digest) >> 11) / (double)(1UL << 53);
        return fraction < share;
    }
}
