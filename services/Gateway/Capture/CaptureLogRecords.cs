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
