using System.Runtime.InteropServices;

namespace SlmPlatform.Benchmarks;

/// <summary>Keeps the data set's vectors in the temp folder (never in the repository) so reruns skip embedding.</summary>
public static class VectorCache
{
    public static float[]? TryLoad(string name, int expectedFloats)
    {
        var path = PathFor(name);
        if (!File.Exists(path) || new FileInfo(path).Length != expectedFloats * sizeof(float))
        {
            return null;
        }

        var data = new float[expectedFloats];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        return data;
    }

    public static void Save(string name, float[] data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathFor(name))!);
        File.WriteAllBytes(PathFor(name), MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
    }

    private static string PathFor(string name) => Path.Combine(Path.GetTempPath(), "slm-task-discovery", name + ".f32");
}
