using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// Puts each example in a split by a keyed hash of its id alone, so that a dataset rebuilt with more calls keeps every
/// earlier example where it was: a test split never holds what an earlier model of the task trained on, and "the same
/// test set" is a fair ground for a retrained model and the serving one. Hashes are uniform, so each class's split
/// shares match the fractions in expectation; a class that would otherwise have no training example gets its
/// lowest-hashed one in training.
/// </summary>
public static class StableSplit
{
    /// <summary>The part (an index into <paramref name="fractions"/>) of each example, given its id and class.</summary>
    public static int[] Assign(IReadOnlyList<string> ids, IReadOnlyList<string> classes, IReadOnlyList<double> fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(fractions);
        if (ids.Count != classes.Count)
        {
            throw new ArgumentException("Every example needs a class.", nameof(classes));
        }

        if (fractions.Count == 0 || fractions.Any(f => f < 0) || fractions[0] <= 0 || Math.Abs(fractions.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("Fractions must be non-negative, with a positive first part, and add up to 1.", nameof(fractions));
        }

        var positions = ids.Select(id => Position(seed, id)).ToArray();
        var parts = positions.Select(u => PartOf(u, fractions)).ToArray();
        foreach (var group in Enumerable.Range(0, ids.Count).GroupBy(i => classes[i], StringComparer.Ordinal))
        {
            if (group.All(i => parts[i] != 0))
            {
                parts[group.MinBy(i => positions[i])] = 0;
            }
        }

        return parts;
    }

    private static int PartOf(double position, IReadOnlyList<double> fractions)
    {
        double cumulative = 0;
        for (var p = 0; p < fractions.Count - 1; p++)
        {
            cumulative += fractions[p];
            if (position < cumulative)
            {
                return p;
            }
        }

        return fractions.Count - 1;
    }

    // The top 53 bits of SHA-256(seed, id) as a fraction in [0, 1): uniform, and exact in a double.
    private static double Position(int seed, string id)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}\u001f{id}")), digest);
        return (BinaryPrimitives.ReadUInt64BigEndian(digest) >> 11) / (double)(1UL << 53);
    }
}
