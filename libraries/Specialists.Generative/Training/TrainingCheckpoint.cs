using System.Text.Json;
using TorchSharp.Modules;

namespace SlmPlatform.Specialists.Generative;

/// <summary>A resumable training state in a folder: weights and optimiser moments under step-numbered names, then
/// <c>state.json</c> naming them, written last and atomically — a process killed mid-write leaves the previous
/// checkpoint intact.</summary>
internal sealed record TrainingCheckpoint(
    long Step,
    double ElapsedSeconds,
    double SmoothedLoss,
    string DataHash,
    LlamaShape Shape,
    TokenizerKind TokenizerKind,
    string[] Pieces,
    int MaxAnswerTokens,
    string WeightsFile,
    string OptimizerFile)
{
    private const string StateFile = "state.json";

    public static TrainingCheckpoint? TryRead(string directory)
    {
        var path = Path.Combine(directory, StateFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(path)) : null;
    }

    public static void Write(string directory, TrainingCheckpoint state, TinyLlama network, AdamW optimizer)
    {
        Directory.CreateDirectory(directory);
        network.save(Path.Combine(directory, state.WeightsFile));
        optimizer.save_state_dict(Path.Combine(directory, state.OptimizerFile));
        var temporary = Path.Combine(directory, $"{StateFile}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(state));
        File.Move(temporary, Path.Combine(directory, StateFile), overwrite: true);
        foreach (var old in Directory.EnumerateFiles(directory, "*.bin"))
        {
            var name = Path.GetFileName(old);
            if (name != state.WeightsFile && name != state.OptimizerFile)
            {
                File.Delete(old);
            }
        }
    }

    public void Restore(string directory, TinyLlama network, AdamW optimizer)
    {
        network.load(Path.Combine(directory, WeightsFile));
        optimizer.load_state_dict(Path.Combine(directory, OptimizerFile));
    }
}
