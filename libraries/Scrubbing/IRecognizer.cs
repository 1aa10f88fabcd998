namespace SlmPlatform.Scrubbing;

/// <summary>Finds one kind of entity in text. Implementations are stateless and safe to share between threads.</summary>
public interface IRecognizer
{
    IEnumerable<EntityMatch> Recognize(string text);
}
