namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>A run of digits between separators, with its position in the scanned text.</summary>
internal sealed record DigitGroup(int Start, string Digits)
{
    public int End => Start + Digits.Length;
}
