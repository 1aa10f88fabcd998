using System.Buffers.Binary;
using System.Globalization;

namespace SlmPlatform.Gateway.Capture;

/// <summary>Opening: what an earlier run left on disk, torn tails cut, and where reading starts again.</summary>
public sealed partial class CaptureLog
{
    private long CountFrom(LogPosition position)
    {
        long count = 0;
        var header = new byte[HeaderBytes];
        foreach (var (segment, length) in _segmentLengths.Where(s => s.Key >= position.Segment))
        {
            using var handle = File.OpenHandle(SegmentPath(segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            for (var offset = segment == position.Segment ? position.Offset : 0; offset + HeaderBytes <= length; count++)
            {
                RandomAccess.Read(handle, header, offset);
                offset += HeaderBytes + BinaryPrimitives.ReadInt32LittleEndian(header);
            }
        }

        return count;
    }

    /// <summary>The length up to the last whole frame: a record cut short by a crash is cut off.</summary>
    private static long ValidLength(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var length = RandomAccess.GetLength(handle);
        var header = new byte[HeaderBytes];
        long offset = 0;
        while (offset + HeaderBytes <= length)
        {
            RandomAccess.Read(handle, header, offset);
            var frameLength = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (frameLength < NonceBytes + TagBytes || offset + HeaderBytes + frameLength > length)
            {
                break;
            }

            offset += HeaderBytes + frameLength;
        }

        if (offset != length)
        {
            RandomAccess.SetLength(handle, offset);
        }

        return offset;
    }

    /// <summary>
    /// Where reading starts: the checkpoint, or the first segment after it when the checkpoint's own segment was
    /// deleted while the checkpoint could not be written (a full disk), or the first segment when there is none.
    /// </summary>
    private LogPosition StartingPoint(LogPosition? checkpoint)
    {
        if (checkpoint is not { } position)
        {
            return new LogPosition(_segmentLengths.Keys.FirstOrDefault(), 0);
        }

        if (_segmentLengths.ContainsKey(position.Segment) || _segmentLengths.Count == 0)
        {
            return position;
        }

        var later = _segmentLengths.Keys.Where(s => s > position.Segment).ToList();
        return later.Count > 0 ? new LogPosition(later.Min(), 0) : position;
    }

    private LogPosition? ReadCheckpoint()
    {
        var path = Path.Combine(_directory, "checkpoint");
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ');
        return parts.Length == 2
            && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var segment)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset)
            ? new LogPosition(segment, offset)
            : null;
    }

    private static long? TryParseSegment(string path)
    {
        var name = Path.GetFileName(path);
        var digits = name[SegmentPrefix.Length..^SegmentSuffix.Length];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var segment) ? segment : null;
    }
}
