using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// The gateway's disk buffer: an append-only log in segment files, each record encrypted with AES-GCM, read from a
/// checkpoint that advances only after the broker confirmed what lies before it. Raw calls never rest on disk in
/// clear text, survive a restart of the gateway, and leave in the order they came.
/// </summary>
public sealed partial class CaptureLog : IDisposable
{
    private const string SegmentPrefix = "segment-";
    private const string SegmentSuffix = ".log";
    private const int HeaderBytes = 4;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly Lock _gate = new();
    private readonly string _directory;
    // AesGcm is not thread-safe: the spooler encrypts while the publisher decrypts, each with an instance of its own.
    private readonly AesGcm _encryptor;
    private readonly AesGcm _decryptor;
    private readonly int _segmentBytes;
    private readonly long _maxBytes;
    private readonly SortedDictionary<long, long> _segmentLengths = [];
    private readonly TimeSpan? _syncEvery;
    private readonly TimeProvider _time;
    private SafeFileHandle _writer;
    private long _writeSegment;
    private LogPosition _committed;
    private bool _unsynced;
    private long _lastSync;

    private CaptureLog(string directory, byte[] key, int segmentBytes, long maxBytes, TimeSpan? syncEvery, TimeProvider time)
    {
        _syncEvery = syncEvery;
        _time = time;
        _lastSync = time.GetTimestamp();
        _directory = directory;
        _encryptor = new AesGcm(key, TagBytes);
        _decryptor = new AesGcm(key, TagBytes);
        _segmentBytes = segmentBytes;
        _maxBytes = maxBytes;
        System.IO.Directory.CreateDirectory(directory);

        foreach (var path in System.IO.Directory.EnumerateFiles(directory, SegmentPrefix + "*" + SegmentSuffix))
        {
            if (TryParseSegment(path) is { } segment)
            {
                _segmentLengths[segment] = ValidLength(path);
            }
        }

        _committed = StartingPoint(ReadCheckpoint());
        _writeSegment = _segmentLengths.Count > 0 ? _segmentLengths.Keys.Max() : Math.Max(_committed.Segment, 0);
        _writer = OpenWriter(_writeSegment);
        PendingAtOpen = CountFrom(_committed);
    }

    /// <summary>Records that an earlier run left unpublished.</summary>
    public long PendingAtOpen { get; }

    /// <summary>
    /// Opens (or creates) the log in <paramref name="directory"/>; with <paramref name="syncEvery"/> an append asks
    /// the disk to keep what was written at most that often (none: the operating system decides).
    /// </summary>
    public static CaptureLog Open(string directory, string secret, int segmentBytes, long maxBytes, TimeSpan? syncEvery = null, TimeProvider? time = null) =>
        new(directory, SHA256.HashData(Encoding.UTF8.GetBytes(secret)), segmentBytes, maxBytes, syncEvery, time ?? TimeProvider.System);

    /// <summary>Reads up to <paramref name="max"/> records after the checkpoint, without moving it.</summary>
    public List<LogRecord> ReadPending(int max)
    {
        lock (_gate)
        {
            var records = new List<LogRecord>(max);
            var position = _committed;
            var header = new byte[HeaderBytes];
            SafeFileHandle? handle = null;
            try
            {
                while (records.Count < max && _segmentLengths.TryGetValue(position.Segment, out var length))
                {
                    if (position.Offset + HeaderBytes > length)
                    {
                        if (position.Segment >= _writeSegment)
                        {
                            break;
                        }

                        position = new LogPosition(NextSegment(position.Segment), 0);
                        handle?.Dispose();
                        handle = null;
                        continue;
                    }

                    // One handle per segment for the whole batch, not one per record.
                    handle ??= File.OpenHandle(SegmentPath(position.Segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    RandomAccess.Read(handle, header, position.Offset);
                    var frameLength = BinaryPrimitives.ReadInt32LittleEndian(header);
                    var frame = new byte[frameLength];
                    RandomAccess.Read(handle, frame, position.Offset + HeaderBytes);
                    var next = new LogPosition(position.Segment, position.Offset + HeaderBytes + frameLength);
                    records.Add(new LogRecord(Decrypt(frame), next));
                    position = next;
                }
            }
            finally
            {
                handle?.Dispose();
            }

            return records;
        }
    }

    /// <summary>Moves the checkpoint past published records and deletes the segments left wholly behind it.</summary>
    public void Commit(LogPosition position)
    {
        lock (_gate)
        {
            WriteCheckpoint(position);

            foreach (var segment in _segmentLengths.Keys.Where(s => s < position.Segment).ToList())
            {
                File.Delete(SegmentPath(segment));
                _segmentLengths.Remove(segment);
            }
        }
    }

    /// <summary>
    /// Deletes the segments last written before <paramref name="cutoffUtc"/>, the one being written included (writing
    /// then goes on in a new one), and moves the checkpoint past them: how a log kept for a retention period expires.
    /// </summary>
    public void ExpireSegmentsWrittenBefore(DateTime cutoffUtc)
    {
        lock (_gate)
        {
            var expired = _segmentLengths.Keys.Where(s => File.GetLastWriteTimeUtc(SegmentPath(s)) < cutoffUtc).ToList();
            if (expired.Count == 0)
            {
                return;
            }

            if (expired.Contains(_writeSegment))
            {
                _writer.Dispose();
                _writer = OpenWriter(++_writeSegment);
            }

            foreach (var segment in expired)
            {
                File.Delete(SegmentPath(segment));
                _segmentLengths.Remove(segment);
            }

            if (expired.Contains(_committed.Segment) || _committed.Segment < _segmentLengths.Keys.Min())
            {
                WriteCheckpoint(new LogPosition(_segmentLengths.Keys.Min(), 0));
            }
        }
    }

    private long BufferedBytes() => _segmentLengths.Values.Sum() - _committed.Offset;

    private long NextSegment(long segment) => _segmentLengths.Keys.Where(s => s > segment).DefaultIfEmpty(segment + 1).Min();

    private byte[]? Decrypt(byte[] frame)
    {
        var plaintext = new byte[frame.Length - NonceBytes - TagBytes];
        try
        {
            _decryptor.Decrypt(frame.AsSpan(0, NonceBytes), frame.AsSpan(NonceBytes, plaintext.Length), frame.AsSpan(NonceBytes + plaintext.Length), plaintext);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private void WriteCheckpoint(LogPosition position)
    {
        _committed = position;
        var checkpoint = Path.Combine(_directory, "checkpoint");
        try
        {
            File.WriteAllText(checkpoint + ".tmp", FormattableString.Invariant($"{position.Segment} {position.Offset}"));
            File.Move(checkpoint + ".tmp", checkpoint, overwrite: true);
        }
        catch (IOException)
        {
            // A full disk: the checkpoint on disk stays behind, so a restart publishes some captures again, and the
            // scrubber's idempotency stores them once. The next commit tries again.
        }
    }

    private SafeFileHandle OpenWriter(long segment)
    {
        _segmentLengths.TryAdd(segment, 0);
        return File.OpenHandle(SegmentPath(segment), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read | FileShare.Delete);
    }

    private string SegmentPath(long segment) =>
        Path.Combine(_directory, FormattableString.Invariant($"{SegmentPrefix}{segment:D12}{SegmentSuffix}"));

    public void Dispose()
    {
        lock (_gate)
        {
            if (_unsynced)
            {
                SyncLocked();
            }

            _writer.Dispose();
        }

        _encryptor.Dispose();
        _decryptor.Dispose();
    }
}
