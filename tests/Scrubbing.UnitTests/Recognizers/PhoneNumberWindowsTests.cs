using System.Text;
using PhoneNumbers;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

/// <summary>The recognizer reads only windows around digit runs; it must find exactly what the matcher finds in the whole text.</summary>
public sealed class PhoneNumberWindowsTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly string[] Words =
        ["call", "me", "at", "or", "Suite", "ext.", "ext", "x", "extension:", "order", "on", "tel:", "(", ")", "-", ".", "/", ",", ";", "#", "\n", "\t", "a", "B2", "v1.2"];

    [Fact]
    public void MinDigits_IsAtMostTheShortestValidNumberOfAnyRegion()
    {
        var shortest = Util.GetSupportedRegions()
            .Select(Util.GetMetadataForRegion)
            .SelectMany(metadata => metadata.GeneralDesc.PossibleLengthList.Where(length => length > 0)
                .Select(length => metadata.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + length))
            .Min();

        Assert.True(PhoneNumberWindows.MinDigits <= shortest, $"a valid number can have {shortest} digits");
    }

    [Fact]
    public void Recognize_RandomTexts_FindsWhatTheMatcherFindsInTheWholeText()
    {
        var random = new Random(20261129);
        var numbers = ExampleNumbers();
        var recognizer = new PhoneNumberRecognizer();
        var compared = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText(random, numbers);
            var expected = Util.FindNumbers(text, "US", PhoneNumberUtil.Leniency.VALID, long.MaxValue)
                .Select(m => (m.Start, m.Length)).ToList();
            var found = recognizer.Recognize(text).Select(m => (m.Start, m.Length)).ToList();

            Assert.True(expected.SequenceEqual(found), $"text: {text}\nmatcher: {string.Join(", ", expected)}\nwindows: {string.Join(", ", found)}");
            compared += expected.Count;
        }

        Assert.True(compared > 1000, $"only {compared} numbers were planted and found");
    }

    private static List<string> ExampleNumbers()
    {
        var formats = new[] { PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL, PhoneNumberFormat.E164, PhoneNumberFormat.RFC3966 };
        var numbers = new List<string>();
        foreach (var region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            foreach (var type in new[] { PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE })
            {
                if (Util.GetExampleNumberForType(region, type) is { } example)
                {
                    numbers.AddRange(formats.Select(format => Util.Format(example, format)));
                }
            }
        }

        return numbers;
    }

    private static string RandomText(Random random, List<string> numbers)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 12);
        for (var p = 0; p < parts; p++)
        {
            text.Append(random.Next(5) switch
            {
                0 or 1 => numbers[random.Next(numbers.Count)],
                2 => random.Next(1, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                3 => $"{random.Next(1, 13)}/{random.Next(1, 29)}/20{random.Next(10, 30)}",
                _ => Words[random.Next(Words.Length)],
            });
            text.Append(random.Next(4) == 0 ? string.Empty : " ");
        }

        return text.ToString();
    }
}
