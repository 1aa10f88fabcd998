namespace SlmPlatform.Scrubbing;

/// <summary>
/// A recognizer that runs after all others and sees what they found, so that a costly one (a model) reads only what
/// they left. Alone, <see cref="IRecognizer.Recognize"/> reads the text as if nothing had been found.
/// </summary>
public interface ISecondPassRecognizer : IRecognizer
{
    IEnumerable<EntityMatch> Recognize(string text, IReadOnlyList<EntityMatch> found);
}
