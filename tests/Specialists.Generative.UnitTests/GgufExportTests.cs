namespace SlmPlatform.Specialists.Generative.UnitTests;

public sealed class GgufExportTests(TrainedToyModel toy) : IClassFixture<TrainedToyModel>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("generative-gguf-");

    [Theory]
    [InlineData(GgufQuantization.F32)]
    [InlineData(GgufQuantization.Q8_0)]
    public void ExportGguf_LoadedInLLamaSharp_GivesTheSameGreedyAnswers(GgufQuantization quantization)
    {
        var path = Path.Combine(_folder.FullName, $"toy-{quantization}.gguf");
        var expected = toy.Model.GenerateAll(toy.HeldOutPrompts);

        toy.Model.ExportGguf(path, quantization);
        using var served = GgufSpecialist.Load(path, threads: 1);
        var actual = toy.HeldOutPrompts.Select(served.Generate).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains(expected, a => a.StartsWith("{\"colour\": ", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportGguf_Q8_0_IsAboutAQuarterOfF32()
    {
        var f32 = Path.Combine(_folder.FullName, "size-f32.gguf");
        var q8 = Path.Combine(_folder.FullName, "size-q8.gguf");

        toy.Model.ExportGguf(f32, GgufQuantization.F32);
        toy.Model.ExportGguf(q8, GgufQuantization.Q8_0);

        Assert.InRange((double)new FileInfo(q8).Length / new FileInfo(f32).Length, 0.1, 0.6);
    }

    [Fact]
    public void ExportGguf_CharacterTokenizer_LlamaCppTokenizesPromptsTheSameWay()
    {
        var path = Path.Combine(_folder.FullName, "tokenizer.gguf");
        toy.Model.ExportGguf(path);

        using var weights = LLama.LLamaWeights.LoadFromFile(new LLama.Common.ModelParams(path) { GpuLayerCount = 0 });
        foreach (var prompt in toy.HeldOutPrompts.Take(10))
        {
            var ours = toy.Model.Tokenizer.Encode(prompt).Prepend(SpecialistTokenizer.Bos);
            var llama = weights.Tokenize(prompt, add_bos: true, special: false, System.Text.Encoding.UTF8).Select(t => (int)t);
            Assert.Equal(ours, llama);
        }
    }

    [Fact]
    public void Save_ThenLoad_GivesTheSameAnswers()
    {
        var folder = Path.Combine(_folder.FullName, "saved");

        toy.Model.Save(folder);
        using var loaded = GenerativeSpecialistModel.Load(folder);

        Assert.Equal(toy.Model.GenerateAll(toy.HeldOutPrompts), loaded.GenerateAll(toy.HeldOutPrompts));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
