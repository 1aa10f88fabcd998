using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SlmPlatform.Gateway.Capture;

/// <summary>Appending: records written through a batch at a time, a refused write cut back, and syncing to disk.</summary>
public sealed partial class CaptureLog
{
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
}
