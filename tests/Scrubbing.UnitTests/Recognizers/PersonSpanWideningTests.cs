namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class PersonSpanWideningTests
{
    [Fact]
    public void TwoPeople_AGapApart_BothReachIntoIt_WithoutOverlapping()
    {
        // Before: each was widened against the other's original edge, so both took "Marie Sobel" and the scrubber's
        // copy loop failed on the overlap.
        const string Text = "Anna Marie Sobel Karin";
        EntityMatch[] people = [new(EntityTypes.Person, 0, 4, 0.9), new(EntityTypes.Person, 17, 5, 0.9)];

        var widened = PersonSpanWidening.Widen(Text, people);

        Assert.True(widened[0].End <= widened[1].Start, $"{widened[0]} overlaps {widened[1]}");
        Assert.Equal(Text.Length, widened[1].End);
    }
}
