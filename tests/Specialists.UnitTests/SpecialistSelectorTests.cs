using SlmPlatform.Specialists.Catalog;

namespace SlmPlatform.Specialists.UnitTests;

public sealed class SpecialistSelectorTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.Embedded();
    private readonly SpecialistSelector _selector = new(Catalog);

    [Fact]
    public void Catalog_HoldsTheCandidateFamiliesAndKinds()
    {
        Assert.False(string.IsNullOrEmpty(Catalog.Version));
        foreach (var family in new[] { "Qwen2.5", "Llama 3.2", "Phi-3.5", "Phi-4", "SmolLM2", "Gemma 3", "Nemotron" })
        {
            Assert.Contains(Catalog.Models, m => m.Family == family);
        }

        Assert.Contains(Catalog.SpecialistKinds, k => k.Id == "classifier-head");
        Assert.All(Catalog.Models, m => Assert.True(m.ContextLength > 0 && m.MemoryGb.Q4KM > 0 && m.OllamaTag.Length > 0 && m.HuggingFaceId.Contains('/')));
    }

    [Fact]
    public void Select_LabelledJsonRouter_ChoosesTheClassifierHead()
    {
        var selection = _selector.Select(new TaskProfile("json", Examples: 10_003, DistinctLabels: 77, LabelledShare: 1.0));

        Assert.Equal(OutputForms.LabelSet, selection.OutputForm);
        Assert.Equal("classifier-head", selection.Choice?.Id);
        Assert.Equal(
            "Chose classifier-head (relative cost 1) for this label-set task (77 labels, 10003 examples): available; answers label_set; " +
            "10003 examples ≥ 100; 77 labels ≤ 1000; 130 examples per label ≥ 5. It is the cheapest candidate.",
            selection.Explanation);
    }

    [Fact]
    public void Select_TooFewExamplesPerLabel_SkipsTheHeadAndSaysWhy()
    {
        var selection = _selector.Select(new TaskProfile("json", Examples: 300, DistinctLabels: 140, LabelledShare: 1.0), new SelectionConstraints(GpuAvailable: true));

        Assert.NotEqual("classifier-head", selection.Choice?.Id);
        Assert.Contains("examples per label", selection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ToolCallsWithAGpu_ChoosesTheCheapestNativeToolCaller()
    {
        var selection = _selector.Select(new TaskProfile("tool_call", Examples: 2_000), new SelectionConstraints(GpuAvailable: true));

        var cheapestNative = Catalog.Models.Where(m => m.ToolCalling == "native").MinBy(m => m.RelativeCost)!;
        Assert.Equal(cheapestNative.Id, selection.Choice?.Id);
        Assert.Contains("smollm2-135m-instruct: tool calling is none", selection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ToolCallsWithoutAGpu_KeepsTheTeacher()
    {
        var selection = _selector.Select(new TaskProfile("tool_call", Examples: 2_000));

        Assert.Null(selection.Choice);
        Assert.Contains("keep the teacher", selection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LongPrompts_RuleOutShortContextModels()
    {
        var selection = _selector.Select(new TaskProfile("text", Examples: 5_000, PromptTokensP95: 10_000, OutputTokensP95: 500), new SelectionConstraints(GpuAvailable: true, AllowedLicences: ["Apache-2.0", "MIT"]));

        Assert.Equal("qwen2.5-0.5b-instruct", selection.Choice?.Id);
        Assert.False(selection.Considered.Single(c => c.Id == "smollm2-135m-instruct").Eligible);
        Assert.Contains("context 8192 < 10500", selection.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void Select_FreeAnswersWithoutAGpu_ChoosesTheGenerativeSpecialist_AndSaysWhyNotTheHead(string outputKind)
    {
        var selection = _selector.Select(new TaskProfile(outputKind, Examples: 5_000, DistinctLabels: 0, LabelledShare: 0));

        Assert.Equal("generative", selection.Choice?.Id);
        Assert.Contains($"classifier-head: cannot answer {outputKind} (only label_set)", selection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_FreeJsonWithTooFewExamplesForTheGenerativeSpecialist_KeepsTheTeacher()
    {
        var selection = _selector.Select(new TaskProfile("json", Examples: 400));

        Assert.Null(selection.Choice);
        Assert.Contains("generative: 400 examples < 1000 needed", selection.Explanation, StringComparison.Ordinal);
    }
}
