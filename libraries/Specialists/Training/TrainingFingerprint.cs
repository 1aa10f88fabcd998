using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SlmPlatform.Specialists.Training;

/// <summary>SHA-256 of the options (less time limit and threads), the rows, the labels and the embedding model: what a checkpoint belongs to.</summary>
internal static class TrainingFingerprint
{
    public static string Of(ClassifierHeadOptions options, LabelledVectors rows, IReadOnlyList<string> labels, string embeddingModelId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = JsonSerializer.Serialize(options with { TimeLimit = null, Threads = 0 }) + '\u001f' + embeddingModelId + '\u001f' + string.Join('\u001f', labels);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
        hash.AppendData(MemoryMarshal.AsBytes(rows.Features.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(rows.Labels.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
