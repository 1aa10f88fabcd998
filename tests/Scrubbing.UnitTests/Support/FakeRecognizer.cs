namespace SlmPlatform.Scrubbing.UnitTests.Support;

/// <summary>Returns fixed matches, so overlap and replacement logic can be tested apart from real patterns.</summary>
internal sealed class FakeRecognizer(params EntityMatch[] matches) : IRecognizer
{
    public IEnumerable<EntityMatch> Recognize(string text) => matches;
}
