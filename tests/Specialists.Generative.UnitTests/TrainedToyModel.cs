namespace SlmPlatform.Specialists.Generative.UnitTests;

/// <summary>One tiny model trained on the toy task, shared by the export tests (each test writes its own files).</summary>
public sealed class TrainedToyModel : IAsyncLifetime
{
    public GenerativeSpecialistModel Model { get; private set; } = null!;

    public IReadOnlyList<string> HeldOutPrompts { get; } = [.. ToyTask.Examples(40, seed: 12).Select(e => e.Prompt)];

    public async ValueTask InitializeAsync() =>
        Model = await GenerativeTrainer.TrainAsync(ToyTask.Examples(400, seed: 11), [], ToyTask.TinyOptions(), null, null);

    public ValueTask DisposeAsync()
    {
        Model.Dispose();
        return ValueTask.CompletedTask;
    }
}
