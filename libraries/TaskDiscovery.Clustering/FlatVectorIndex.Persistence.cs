using System.Runtime.InteropServices;
using System.Text;

namespace SlmPlatform.TaskDiscovery.Clustering;

public sealed partial class FlatVectorIndex
{
    // "SLMVIX" + format version; the floats are little-endian IEEE 754, as on every platform .NET runs on.
    private static readonly byte[] Magic = "SLMVIX01"u8.ToArray();

    /// <summary>Layout: magic, dimensions, count, tenant names, then per vector its id and tenant, then the floats.</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _lock.EnterReadLock();
        try
        {
            using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Dimensions);
            writer.Write(Count);
            writer.Write(_tenantNames.Count);
            foreach (var name in _tenantNames)
            {
                writer.Write(name);
            }

            for (var slot = 0; slot < Count; slot++)
            {
                writer.Write(_ids[slot]);
                writer.Write(_tenants[slot]);
            }

            writer.Write(MemoryMarshal.AsBytes(_vectors.AsSpan(0, Count * Dimensions)));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it over, so a crash mid-write
    /// leaves the previous file intact.</summary>
    public void SaveToFile(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Save(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static FlatVectorIndex Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a vector index file (or a format version this build does not read).");
        }

        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        var index = new FlatVectorIndex(dimensions, Math.Max(1, count));
        var tenants = reader.ReadInt32();
        for (var t = 0; t < tenants; t++)
        {
            index.TenantOrdinal(reader.ReadString(), create: true);
        }

        for (var slot = 0; slot < count; slot++)
        {
            var id = reader.ReadString();
            index._ids[slot] = id;
            index._tenants[slot] = reader.ReadInt32();
            index._slotById.Add(id, slot);
        }

        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(index._vectors.AsSpan(0, count * dimensions)));
        index.Count = count;
        return index;
    }

    public static FlatVectorIndex LoadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(stream);
    }
}
