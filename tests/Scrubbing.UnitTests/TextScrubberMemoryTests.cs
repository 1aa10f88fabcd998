using System.Runtime.CompilerServices;

namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class TextScrubberMemoryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scrub_KeepsNoReferenceToTheRawTextOnceDone(bool contextualTagger)
    {
        var scrubber = DefaultRecognizers.CreateScrubber(contextualTagger);

        var raw = ScrubAFreshText(scrubber);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(raw.TryGetTarget(out _), "the raw text is still referenced after its scrub");
    }

    // A method of its own, so that no local of the test keeps the text alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<string> ScrubAFreshText(TextScrubber scrubber)
    {
        var text = string.Concat("Please call Maria Garcia or Velkaro Dunmesh at 12 Brook Lane, Springfield ", Guid.NewGuid().ToString("N"));
        _ = scrubber.Scrub(text);
        return new WeakReference<string>(text);
    }
}
