namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>One row of the result: a mode, what it measured, and how it was driven.</summary>
internal sealed record ModeResult(string Mode, Measurement Measurement, string Settings);

/// <summary>Every mode of a run, and the message sizes that explain part of the difference between them.</summary>
internal sealed record BenchmarkResults(IReadOnlyList<ModeResult> Modes, int RecordBytes, int? IngestMessageBytes, string LoadAtStart, string LoadAtEnd);
