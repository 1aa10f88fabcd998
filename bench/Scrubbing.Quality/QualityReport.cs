namespace SlmPlatform.Scrubbing.Quality;

/// <summary>Token counts of one entity type, in our vocabulary.</summary>
internal sealed record TypeScore(string Type, int GoldTokens, int PredictedTokens, int TruePositives, int GoldSpans, int MaskedSpans, int VerbatimSpans)
{
    /// <summary>Gold spans some of whose words were masked and some not: half a name left is still a name.</summary>
    public int PartialSpans => GoldSpans - MaskedSpans - VerbatimSpans;

    /// <summary>Share of gold spans of which no word was masked: the value leaves the scrubber as it came.</summary>
    public double VerbatimShare => GoldSpans == 0 ? double.NaN : (double)VerbatimSpans / GoldSpans;

    public double PartialShare => GoldSpans == 0 ? double.NaN : (double)PartialSpans / GoldSpans;

    public double Precision => PredictedTokens == 0 ? double.NaN : (double)TruePositives / PredictedTokens;

    public double Recall => GoldTokens == 0 ? double.NaN : (double)TruePositives / GoldTokens;

    /// <summary>F-beta with beta 2: recall weighs four times precision, as a leaked name costs more than a lost word.</summary>
    public double F2 => Precision + Recall is 0 or double.NaN ? double.NaN : 5 * Precision * Recall / ((4 * Precision) + Recall);

    /// <summary>Share of gold spans of which no word survives, whatever type it was masked as.</summary>
    public double MaskedShare => GoldSpans == 0 ? double.NaN : (double)MaskedSpans / GoldSpans;
}

/// <summary>Everything one recognizer set scored on the data set.</summary>
internal sealed record QualityReport(
    string Name,
    string DataSet,
    IReadOnlyList<TypeScore> Types,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion,
    double StrictPrecision,
    double AnyPiiPrecision,
    double AnyPiiRecall)
{
    /// <summary>Values of the identifier types (<see cref="EntityMapping.IsIdentifier"/>) of which no word was masked.</summary>
    public (int Verbatim, int Values) IdentifiersVerbatim =>
        (Types.Where(t => EntityMapping.IsIdentifier(t.Type)).Sum(t => t.VerbatimSpans), Types.Where(t => EntityMapping.IsIdentifier(t.Type)).Sum(t => t.GoldSpans));
}
