namespace SlmPlatform.Scrubbing;

/// <summary>Replaces an entity with its type in angle brackets, e.g. <c>&lt;EMAIL_ADDRESS&gt;</c>.</summary>
/// <remarks>
/// The original value is ignored on purpose: nothing derived from it (length, hash, last digits) may reach storage.
/// </remarks>
public sealed class TypedPlaceholderOperator : IReplacementOperator
{
    public string Replace(EntityMatch match, string originalValue)
    {
        ArgumentNullException.ThrowIfNull(match);
        return $"<{match.EntityType}>";
    }
}
