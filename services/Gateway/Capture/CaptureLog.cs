using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SlmPlatform.Gateway.Capture;

/// <summary>A place in the log: a segment and a byte offset in it.</summary>
public readonly record struct LogPosition(long Segment, long Offset);

/// <summary>One record read from the log; <see cref="Plaintext"/> is null when it could not be decrypted.</summary>
public sealed record LogRecord(byte[]? Plaintext, LogPosition Next);

/// <summary>What became of an appended record.</summary>
public enum AppendOutcome
{
    Written,

    /// <summary>The buffer holds its most: the record was not taken.</summary>
    Full,

    /// <summary>The disk refused the write (full, failing): the record is gone.</summary>
    Unwritable,
}

/// <summary>
/// The gateway's disk buffer: an append-only log in segment files, each record encrypted with AES-GCM, read from a
/// checkpoint that advances only after the broker confirmed what lies before it. Raw calls never rest on disk in
/// clear text, survive a restart of the gateway, and leave in the order they came.
/// </summary>
public sealed class CaptureLog : IDisposable
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

    /// <summary>
    /// Appends one record and writes it through; false when the buffer is full or the disk refused it. The spooler
    /// appends a batch at a time with <see cref="Append"/>.
    /// </summary>
    public bool TryAppend(ReadOnlySpan<byte> plaintext) => Append([plaintext.ToArray()])[0] == AppendOutcome.Written;

    /// <summary>
    /// Appends records in order and writes them through to the operating system in as few writes as the segments
    /// allow; says what became of each. A write the disk refuses (full, failing) loses only the records in it: the
    /// segment is cut back to its last whole record and the next batch is written there, so the log never holds a
    /// gap or a torn record in the middle. Called by one writer at a time.
    /// </summary>
    public AppendOutcome[] Append(IReadOnlyList<byte[]> plaintexts)
    {
        var frames = plaintexts.Select(Frame).ToList();
        var outcomes = new AppendOutcome[frames.Count];
        lock (_gate)
        {
            var batch = new List<int>(frames.Count);
            var batchBytes = 0L;
            for (var i = 0; i < frames.Count; i++)
            {
                if (BufferedBytes() + batchBytes + frames[i].Length > _maxBytes)
                {
                    outcomes[i] = AppendOutcome.Full;
                    continue;
                }

                var segmentLength = _segmentLengths[_writeSegment] + batchBytes;
                if (segmentLength > 0 && segmentLength + frames[i].Length > _segmentBytes)
                {
                    WriteThrough(frames, batch, outcomes);
                    batch.Clear();
                    batchBytes = 0;
                    TryStartNextSegment();
                }

                batch.Add(i);
                batchBytes += frames[i].Length;
            }

            WriteThrough(frames, batch, outcomes);
            if (_syncEvery is { } every && _unsynced && _time.GetElapsedTime(_lastSync) >= every)
            {
                SyncLocked();
            }
        }

        return outcomes;
    }

    /// <summary>Whether records were written since the last <see cref="Sync"/>.</summary>
    public bool HasUnsyncedWrites
    {
        get
        {
            lock (_gate)
            {
                return _unsynced;
            }
        }
    }

    /// <summary>
    /// Asks the disk to keep what was written (fdatasync), so that captures also outlive the host, not only the
    /// process; a disk that refuses leaves them in the operating system's hands, as before.
    /// </summary>
    public void Sync()
    {
        lock (_gate)
        {
            SyncLocked();
        }
    }

    private void SyncLocked()
    {
        try
        {
            RandomAccess.FlushToDisk(_writer);
            _unsynced = false;
        }
        catch (IOException)
        {
            // Still written, still read back by this process; only a crash of the host could lose it.
        }

        _lastSync = _time.GetTimestamp();
    }

    private byte[] Frame(byte[] plaintext)
    {
        var frameLength = NonceBytes + plaintext.Length + TagBytes;
        var frame = new byte[HeaderBytes + frameLength];
        BinaryPrimitives.WriteInt32LittleEndian(frame, frameLength);
        var nonce = frame.AsSpan(HeaderBytes, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        _encryptor.Encrypt(nonce, plaintext, frame.AsSpan(HeaderBytes + NonceBytes, plaintext.Length), frame.AsSpan(HeaderBytes + NonceBytes + plaintext.Length, TagBytes));
        return frame;
    }

    /// <summary>Writes the frames of <paramref name="batch"/> at the end of the segment in one write.</summary>
    private void WriteThrough(List<byte[]> frames, List<int> batch, AppendOutcome[] outcomes)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // One gathering write (pwritev): the frames go out as they are, without being copied into one buffer.
        var buffers = batch.Select(i => (ReadOnlyMemory<byte>)frames[i]).ToList();
        var length = batch.Sum(i => (long)frames[i].Length);
        var offset = _segmentLengths[_writeSegment];
        AppendOutcome outcome;
        try
        {
            RandomAccess.Write(_writer, buffers, offset);
            _segmentLengths[_writeSegment] = offset + length;
            _unsynced = true;
            outcome = AppendOutcome.Written;
        }
        catch (IOException)
        {
            CutBackTo(offset);
            outcome = AppendOutcome.Unwritable;
        }

        foreach (var i in batch)
        {
            outcomes[i] = outcome;
        }
    }

    // Part of a refused write may have reached the file: cut it off, so that the next record starts where it should.
    private void CutBackTo(long length)
    {
        try
        {
            RandomAccess.SetLength(_writer, length);
        }
        catch (IOException)
        {
            // The next write starts at the same offset and covers it; a reopen cuts any torn tail (ValidLength).
        }
    }

    private void TryStartNextSegment()
    {
        try
        {
            var next = OpenWriter(_writeSegment + 1);
            _writer.Dispose();
            _writer = next;
            _writeSegment++;
        }
        catch (IOException)
        {
            // No room for a new file: this segment grows past its size until there is.
            _segmentLengths.Remove(_writeSegment + 1);
        }
    }

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

    private SafeFileHandle OpenWriter(long segment)
    {
        _segmentLengths.TryAdd(segment, 0);
        return File.OpenHandle(SegmentPath(segment), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read | FileShare.Delete);
    }

    private string SegmentPath(long segment) =>
        Path.Combine(_directory, FormattableString.Invariant($"{SegmentPrefix}{segment:D12}{SegmentSuffix}"));

    private static long? TryParseSegment(string path)
    {
        var name = Path.GetFileName(path);
        var digits = name[SegmentPrefix.Length..^SegmentSuffix.Length];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var segment) ? segment : null;
    }

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
