namespace SlmPlatform.Training.Model;

/// <summary>Section <c>Evaluation</c>: how trained models are scored as served.</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluation";

    /// <summary>The serving service, asked exactly as the gateway asks it.</summary>
    public Uri ServingUrl { get; set; } = new("http://serving");

    /// <summary>Test examples scored at most: an evenly spaced sample of the split, so its class mix is kept.</summary>
    public int MaxExamples { get; set; } = 500;

    /// <summary>Requests in flight to serving at once.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>The cosine similarity at which a free-text answer counts as saying what the teacher said.</summary>
    public double SimilarityThreshold { get; set; } = 0.9;

    /// <summary>How long one answer may take before it counts as a failed answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
