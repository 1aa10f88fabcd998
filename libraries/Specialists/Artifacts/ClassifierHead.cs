using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Specialists.Artifacts;

/// <summary>
/// A trained classifier head: what a serving process loads to answer a label-set task. It takes the sentence
/// embedding of the task's input from the model named by <see cref="EmbeddingModelId"/> and returns one of
/// <see cref="Labels"/> with its probability (the mean over the ensemble's members). Thread-safe.
/// </summary>
public sealed class ClassifierHead
{
    private readonly HeadNetwork _network;

    public ClassifierHead(
        string embeddingModelId, IReadOnlyList<string> labels, int dimensions, int hiddenUnits, IReadOnlyList<HeadMember> members,
        IReadOnlyDictionary<string, string>? answers = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(members);
        _network = new HeadNetwork(dimensions, hiddenUnits, labels.Count);
        if (members.Count == 0 || members.Any(m => m.Parameters.Length != _network.ParameterCount || m.Standardiser.Mean.Length != dimensions || m.Standardiser.Scale.Length != dimensions))
        {
            throw new InvalidDataException("The head's members do not fit its dimensions, hidden units and labels.");
        }

        EmbeddingModelId = embeddingModelId;
        Labels = labels;
        Members = members;
        Answers = answers ?? new Dictionary<string, string>();
    }

    public string EmbeddingModelId { get; }

    public IReadOnlyList<string> Labels { get; }

    public int Dimensions => _network.Dimensions;

    public int HiddenUnits => _network.Hidden;

    public IReadOnlyList<HeadMember> Members { get; }

    /// <summary>
    /// The teacher's answer for each label (the assistant content it gave most often for that label, e.g.
    /// <c>{"intent":"card_arrival"}</c>), so that serving answers in the teacher's format; empty when unknown.
    /// </summary>
    public IReadOnlyDictionary<string, string> Answers { get; }

    /// <summary>A copy with the teacher's answer per label.</summary>
    public ClassifierHead WithAnswers(IReadOnlyDictionary<string, string> answers) =>
        new(EmbeddingModelId, Labels, Dimensions, HiddenUnits, Members, answers);

    public int ParameterCount => _network.ParameterCount * Members.Count;

    /// <summary>Writes the probability of every label into <paramref name="probabilities"/> and returns the most likely label's index.</summary>
    public int Predict(ReadOnlySpan<float> embedding, Span<float> probabilities) => Predict(embedding, probabilities, out _);

    /// <summary>
    /// As above, and counts in <paramref name="membersAgreeing"/> the members whose own most likely label is the
    /// ensemble's: one of the signals of how sure the head is.
    /// </summary>
    public int Predict(ReadOnlySpan<float> embedding, Span<float> probabilities, out int membersAgreeing)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(embedding.Length, Dimensions);
        var classes = Labels.Count;
        var x = new float[Dimensions];
        var hidden = new float[Math.Max(1, HiddenUnits)];
        var memberProbabilities = new float[classes];
        var memberChoices = new int[Members.Count];
        probabilities[..classes].Clear();
        for (var m = 0; m < Members.Count; m++)
        {
            Members[m].Standardiser.Apply(embedding, x);
            _network.Forward(Members[m].Parameters, x, hidden, memberProbabilities, dropout: 0, dropoutSeed: 0);
            HeadNetwork.Softmax(memberProbabilities);
            memberChoices[m] = TensorPrimitives.IndexOfMax(memberProbabilities);
            TensorPrimitives.Add(probabilities[..classes], memberProbabilities, probabilities[..classes]);
        }

        TensorPrimitives.Divide(probabilities[..classes], Members.Count, probabilities[..classes]);
        var best = TensorPrimitives.IndexOfMax(probabilities[..classes]);
        membersAgreeing = memberChoices.Count(c => c == best);
        return best;
    }

    /// <summary>The most likely label, with the signals of how sure the head is of it.</summary>
    public HeadPrediction Predict(ReadOnlySpan<float> embedding)
    {
        var probabilities = new float[Labels.Count];
        var best = Predict(embedding, probabilities, out var agreeing);
        var probability = probabilities[best];
        probabilities[best] = float.NegativeInfinity;
        var runnerUp = Labels.Count > 1 ? TensorPrimitives.Max(probabilities) : 0f;
        return new HeadPrediction(Labels[best], probability, probability - runnerUp, (float)agreeing / Members.Count);
    }
}

/// <summary>
/// A head's label and how sure it is: the ensemble's mean probability of the label (the confidence serving reports and
/// routing thresholds), its margin over the runner-up, and the share of members whose own choice it is.
/// </summary>
public sealed record HeadPrediction(string Label, float Probability, float Margin, float MemberAgreement);
