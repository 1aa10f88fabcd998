namespace SlmPlatform.Scrubbing;

/// <summary>Decides what a recognized entity is replaced with.</summary>
public interface IReplacementOperator
{
    string Replace(EntityMatch match, string originalValue);
}
