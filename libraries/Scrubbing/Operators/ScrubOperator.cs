namespace SlmPlatform.Scrubbing;

/// <summary>What a recognized value is replaced with.</summary>
public enum ScrubOperator
{
    /// <summary>A realistic fake of the same kind, the same for the same value within a tenant (keyed HMAC).</summary>
    Surrogate,

    /// <summary><c>&lt;PERSON_1&gt;</c>: the type, numbered per document so that repeated values keep one number.</summary>
    Placeholder,

    /// <summary>Every character replaced by <c>*</c> (the length survives).</summary>
    Mask,

    /// <summary>A tenant-keyed HMAC of the value, 16 hex digits: joinable within a tenant, not reversible.</summary>
    Hash,

    /// <summary>Removed.</summary>
    Drop,
}
