using System.Text.Json.Serialization;

namespace SlmPlatform.Contracts;

/// <summary>
/// How sure a specialist is of an answer, as serving returns it beside the answer (<see cref="PropertyName"/> in a chat
/// completion) and as the gateway and the evaluation read it. <see cref="Score"/> is the one figure routing thresholds
/// (higher is surer; for a classifier head the ensemble's probability of the label); <see cref="Signal"/> names what it
/// is. The rest are the other signals the runtime has, for calibration studies.
/// </summary>
public sealed record AnswerConfidence(
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("signal")] string Signal,
    [property: JsonPropertyName("margin")] double? Margin = null,
    [property: JsonPropertyName("member_agreement")] double? MemberAgreement = null)
{
    /// <summary>The completion's top-level property that holds it; OpenAI clients ignore it.</summary>
    public const string PropertyName = "slm_confidence";

    /// <summary>The signal of a classifier head: the mean over its ensemble of the label's probability.</summary>
    public const string EnsembleProbability = "ensemble_probability";

    /// <summary>The signal of a generative specialist: the probability it gave its whole greedy answer.</summary>
    public const string SequenceProbability = "sequence_probability";
}
