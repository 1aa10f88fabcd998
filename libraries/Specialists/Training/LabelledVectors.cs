namespace SlmPlatform.Specialists.Training;

/// <summary>Feature vectors in one row-major block (<see cref="Count"/> rows of <see cref="Dimensions"/>) with a class index per row.</summary>
public sealed record LabelledVectors(float[] Features, int Dimensions, int[] Labels)
{
    public int Count => Labels.Length;

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * Dimensions, Dimensions);

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public LabelledVectors Select(IReadOnlyList<int> indices)
    {
        var features = new float[indices.Count * Dimensions];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Row(indices[i]).CopyTo(features.AsSpan(i * Dimensions));
            labels[i] = Labels[indices[i]];
        }

        return new LabelledVectors(features, Dimensions, labels);
    }

    /// <summary>Builds the block from one vector per row; every vector must have the same length.</summary>
    public static LabelledVectors From(IReadOnlyList<ReadOnlyMemory<float>> vectors, int[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vectors.Count, labels.Length);
        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var features = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != dimensions)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} dimensions, not {dimensions}.", nameof(vectors));
            }

            vectors[i].Span.CopyTo(features.AsSpan(i * dimensions));
        }

        return new LabelledVectors(features, dimensions, labels);
    }
}
