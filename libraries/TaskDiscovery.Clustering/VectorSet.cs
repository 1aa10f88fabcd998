namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>n vectors of d floats, row after row, L2-normalised so that a dot product is a cosine.</summary>
public sealed class VectorSet
{
    public VectorSet(float[] data, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (data.Length % dimensions != 0)
        {
            throw new ArgumentException("Length is not a multiple of the dimensions.", nameof(data));
        }

        Data = data;
        Dimensions = dimensions;
        Count = data.Length / dimensions;
        for (var i = 0; i < Count; i++)
        {
            VectorMath.Normalize(Data.AsSpan(i * dimensions, dimensions));
        }
    }

    public float[] Data { get; }

    public int Dimensions { get; }

    public int Count { get; }

    public ReadOnlySpan<float> this[int i] => Data.AsSpan(i * Dimensions, Dimensions);

    /// <summary>Copies the rows into one set, normalising them.</summary>
    public static VectorSet From(IReadOnlyList<ReadOnlyMemory<float>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("No vectors.", nameof(rows));
        }

        var d = rows[0].Length;
        var data = new float[rows.Count * d];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Span.CopyTo(data.AsSpan(i * d, d));
        }

        return new VectorSet(data, d);
    }

    public float Dot(int a, int b) => VectorMath.Dot(this[a], this[b]);

    public VectorSet Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = new float[rows.Count * Dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            this[rows[i]].CopyTo(data.AsSpan(i * Dimensions, Dimensions));
        }

        return new VectorSet(data, Dimensions);
    }
}
