using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class ScrubbingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddScrubbing_Resolves_ScrubbersAsSingletonsWithAllRecognizers()
    {
        using var provider = new ServiceCollection().AddScrubbing().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<TextScrubber>(), provider.GetRequiredService<TextScrubber>());
        Assert.Same(provider.GetRequiredService<JsonScrubber>(), provider.GetRequiredService<JsonScrubber>());
        Assert.Equal(DefaultRecognizers.Create(contextualTagger: true).Count, provider.GetServices<IRecognizer>().Count());
        Assert.IsType<TypedPlaceholderOperator>(provider.GetRequiredService<IReplacementOperator>());
    }

    [Fact]
    public void AddScrubbing_CalledTwice_RegistersRecognizersOnce()
    {
        using var provider = new ServiceCollection().AddScrubbing().AddScrubbing().BuildServiceProvider();

        Assert.Equal(DefaultRecognizers.Create(contextualTagger: true).Count, provider.GetServices<IRecognizer>().Count());
    }

    [Fact]
    public void AddScrubbing_OperatorRegisteredBefore_IsUsed()
    {
        var services = new ServiceCollection().AddSingleton<IReplacementOperator, RedactedOperator>().AddScrubbing();
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<TextScrubber>().Scrub("mail jane@example.com");

        Assert.Equal("mail [redacted]", result.Text);
    }

    [Fact]
    public void AddScrubbing_ResolvedJsonScrubber_ScrubsDocument()
    {
        using var provider = new ServiceCollection().AddScrubbing().BuildServiceProvider();

        var result = provider.GetRequiredService<JsonScrubber>().Scrub(System.Text.Json.Nodes.JsonNode.Parse("""{"content":"ip 10.0.0.1"}"""));

        Assert.Equal(1, result.Replacements[EntityTypes.IpAddress]);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void TheContextualTagger_RunsOnlyWhereConfigurationTurnsItOn(string? setting, bool runs)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("Scrubbing:ContextualTagger", setting)])
            .Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddScrubbing().BuildServiceProvider();
        var tagger = provider.GetServices<IRecognizer>().OfType<ContextualTaggerRecognizer>().Single();

        var found = tagger.Recognize("Please ask Velkaro Dunmesh to sign the form before Friday.").ToList();

        Assert.Equal(runs, found.Count > 0);
    }

    [Theory]
    [InlineData(null, ContextualTaggerModel.WordWindow)]
    [InlineData("WordWindow", ContextualTaggerModel.WordWindow)]
    [InlineData("Encoder", ContextualTaggerModel.Encoder)]
    public void TheContextualTaggersModel_IsTheOneConfigured(string? setting, ContextualTaggerModel model)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("Scrubbing:ContextualModel", setting)])
            .Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddScrubbing().BuildServiceProvider();

        Assert.Equal(model, provider.GetServices<IRecognizer>().OfType<ContextualTaggerRecognizer>().Single().Model);
    }

    private sealed class RedactedOperator : IReplacementOperator
    {
        public string Replace(EntityMatch match, string originalValue) => "[redacted]";
    }
}
