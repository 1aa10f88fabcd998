namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Everything a classifier-head run needs to continue after its last completed epoch: the finished ensemble
/// members' weights, and for the member in training its weights, Adam's state,
/// the best weights so far and the early-stopping counters. <see cref="Fingerprint"/> ties it to the data and
/// options it came from, so a run never resumes from another run's checkpoint.
/// </summary>
public sealed record ClassifierCheckpoint(
    string Fingerprint,
    int Member,
    IReadOnlyList<float[]> Completed,
    int Epoch,
    long AdamSteps,
    float[] Parameters,
    float[] FirstMoment,
    float[] SecondMoment,
    float[] BestParameters,
    double BestValidationLoss,
    int BestEpoch,
    int EpochsWithoutImprovement,
    double ElapsedSeconds)
{
    private const string Magic = "SLMCKPT1";

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Fingerprint);
        writer.Write(Member);
        writer.Write(Completed.Count);
        foreach (var done in Completed)
        {
            FloatBlocks.Write(writer, done);
        }

        writer.Write(Epoch);
        writer.Write(AdamSteps);
        writer.Write(BestValidationLoss);
        writer.Write(BestEpoch);
        writer.Write(EpochsWithoutImprovement);
        writer.Write(ElapsedSeconds);
        foreach (var block in new[] { Parameters, FirstMoment, SecondMoment, BestParameters })
        {
            FloatBlocks.Write(writer, block);
        }
    }

    public static ClassifierCheckpoint ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a classifier-head checkpoint.");
        }

        var fingerprint = reader.ReadString();
        var member = reader.ReadInt32();
        var completed = new float[reader.ReadInt32()][];
        for (var i = 0; i < completed.Length; i++)
        {
            completed[i] = FloatBlocks.Read(reader);
        }

        var epoch = reader.ReadInt32();
        var steps = reader.ReadInt64();
        var bestLoss = reader.ReadDouble();
        var bestEpoch = reader.ReadInt32();
        var waited = reader.ReadInt32();
        var elapsed = reader.ReadDouble();
        return new ClassifierCheckpoint(fingerprint, member, completed, epoch, steps,
            FloatBlocks.Read(reader), FloatBlocks.Read(reader), FloatBlocks.Read(reader), FloatBlocks.Read(reader),
            bestLoss, bestEpoch, waited, elapsed);
    }
}
