namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Health (PHI) and identity-document numbers, which have no checksum or shape of their own and are found after their
/// label: medical record and health-plan numbers, NPIs, dates of birth, US passport and driver's licence numbers, and
/// ICD-10 codes tied to a person.
/// </summary>
public sealed partial class HealthAndIdentityRecognizer : IRecognizer
{
    private const int Window = 24;
    private const double Score = 0.85;

    // A word of every phrase of each label pattern below.
    private static readonly string[] MrnCues = ["mrn", "medical", "patient", "chart"];
    private static readonly string[] HealthPlanCues = ["health", "member", "subscriber", "insurance", "policy", "medic", "mbi", "beneficiary"];
    private static readonly string[] NpiCues = ["npi", "national", "prescriber"];
    private static readonly string[] BirthCues = ["dob", "d.o.b", "birth", "born", "b."];
    private static readonly string[] PassportCues = ["passport"];
    private static readonly string[] LicenceCues = ["driver", "driving", "dl", "licen"];

    // Every labelled value holds four digits or more: a year, an id, a number.
    private const int MinValueDigits = 4;

    private readonly IReadOnlyList<IRecognizer> _parts;
    private readonly Icd10Recognizer _icd10;

    public HealthAndIdentityRecognizer()
    {
        _parts = CreateParts();
        _icd10 = _parts.OfType<Icd10Recognizer>().Single();
    }

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextProbe.HasDigits(text, MinValueDigits) ? _parts.SelectMany(part => part.Recognize(text)) : _icd10.Recognize(text);
    }

    /// <summary>The single recognizers this one runs, for measuring them apart.</summary>
    public static IReadOnlyList<IRecognizer> CreateParts() =>
    [
        new ContextualValueRecognizer(EntityTypes.MedicalRecordNumber, MrnLabel(), TextProbe.Cues(MrnCues), IdValue(), Window, Score, HasDigits(5)),
        new ContextualValueRecognizer(EntityTypes.HealthPlanNumber, HealthPlanLabel(), TextProbe.Cues(HealthPlanCues), IdValue(), Window, Score, HasDigits(4)),
        new ContextualValueRecognizer(EntityTypes.UsNpi, NpiLabel(), TextProbe.Cues(NpiCues), NpiValue(), Window, Score, Npi.IsValid),
        new ContextualValueRecognizer(EntityTypes.DateOfBirth, BirthLabel(), TextProbe.Cues(BirthCues), DateValue(), Window, Score),
        new ContextualValueRecognizer(EntityTypes.UsPassport, PassportLabel(), TextProbe.Cues(PassportCues), PassportValue(), Window, Score),
        new ContextualValueRecognizer(EntityTypes.UsDriverLicense, LicenceLabel(), TextProbe.Cues(LicenceCues), IdValue(), Window, Score, HasDigits(4)),
        new Icd10Recognizer(),
    ];

    private static Func<string, bool> HasDigits(int minimum) => value => value.Count(char.IsAsciiDigit) >= minimum;

    [GeneratedRegex(@"\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|num|#))?|patient\s+(?:id|number|no\.?|#)|chart\s+(?:number|no\.?|#))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex MrnLabel();

    [GeneratedRegex(@"\b(?:health\s*plan|member\s+(?:id|number|no\.?|#)|subscriber\s+(?:id|number|no\.?)|insurance\s+(?:id|number|no\.?)|policy\s+(?:id|number|no\.?|#)|medicare|medicaid|MBI|beneficiary\s+(?:id|number))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex HealthPlanLabel();

    [GeneratedRegex(@"\b(?:NPI|national\s+provider(?:\s+identifier)?|prescriber\s+id)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex NpiLabel();

    [GeneratedRegex(@"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|b\.)(?=\W)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex BirthLabel();

    [GeneratedRegex(@"\bpassport(?:\s+(?:number|no\.?|num|#))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PassportLabel();

    [GeneratedRegex(@"\b(?:driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|DL\s*(?:#|no\.?|number)|licen[cs]e\s+(?:number|no\.?|#))(?:\s+(?:number|no\.?|#))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex LicenceLabel();

    // Letters and digits with at least one digit, dashes allowed inside: "00123456", "A1234-5678".
    [GeneratedRegex(@"(?<![\w-])(?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,3}(?![\w-])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex IdValue();

    [GeneratedRegex(@"(?<![\w-])[12][0-9]{9}(?![\w-])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex NpiValue();

    // A US passport book or card: nine digits, or a letter and eight digits.
    [GeneratedRegex(@"(?<![\w-])(?:[A-Za-z][0-9]{8}|[0-9]{9})(?![\w-])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PassportValue();

    // 03/05/1980, 1980-03-05, 5.3.1980, March 5, 1980, 5 March 1980, Mar 5th 1980.
    [GeneratedRegex(
        """
        (?<![\w/.-])(?:
            [0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})
          | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
          | (?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+[0-9]{1,2}(?:st|nd|rd|th)?)?,?\s+[0-9]{4}
        )(?![\w/])
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DateValue();
}
