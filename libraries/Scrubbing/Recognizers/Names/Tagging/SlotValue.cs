namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// A generated slot value: the tag the tagger learns for it, and for values the structured recognizers find (e-mails,
/// phones, dates) the entity type a development set scores them as.
/// </summary>
internal readonly record struct SlotValue(string Value, EntityTag Tag, string? ScoredType = null)
{
    /// <summary>Presidio's name for dates, under which the quality harness scores a date of birth.</summary>
    public const string DateTime = "DATE_TIME";
}
