namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>What one operation of a mode achieved: how many calls or messages were accepted, or why none were.</summary>
internal readonly record struct Outcome(int Accepted, string? Failure)
{
    public static Outcome Ok(int accepted) => new(accepted, null);

    public static Outcome Fail(string reason) => new(0, reason);
}
