namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>Weights written as half-precision floats (half the bytes shipped; the taggers' figures were measured through
/// this round trip) and read back as single precision.</summary>
internal static class HalfPrecision
{
    public static void Write(BinaryWriter writer, IEnumerable<float[]> parts)
    {
        foreach (var part in parts)
        {
            foreach (var value in part)
            {
                writer.Write((Half)value);
            }
        }
    }

    public static float[] Read(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)reader.ReadHalf();
        }

        return values;
    }
}
